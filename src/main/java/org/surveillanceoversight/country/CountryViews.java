package org.surveillanceoversight.country;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.surveillanceoversight.finding.FindingView;

import java.util.List;
import java.util.UUID;

/** The country and locality representations. */
public final class CountryViews {

    private CountryViews() {
    }

    @Schema(description = "How many published deployments are here, and where to list them")
    public record DeploymentsLink(long count, String href) {
    }

    @Schema(name = "Country")
    public record CountryView(String code, String alpha3, String name,
                              @Schema(description = "UN M49 sub-region, where recorded") String region,
                              DeploymentsLink deployments, List<FindingView> findings) {
    }

    @Schema(name = "Locality")
    public record LocalityView(UUID id, String countryCode, String nameEn, String nameLocal, String localScript,
                               Locality.Kind kind,
                               @Schema(description = "Approximate centre, WGS 84") Double latitude, Double longitude,
                               List<String> aliases, DeploymentsLink deployments,
                               org.surveillanceoversight.common.Publication publication,
                               org.surveillanceoversight.common.Retraction retraction, int version,
                               java.time.Instant updatedAt) {
    }

    @Schema(name = "CountryPage")
    public record CountryPage(List<CountryView> data, int limit, String nextCursor, String prevCursor) {
    }

    @Schema(name = "LocalityPage")
    public record LocalityPage(List<LocalityView> data, int limit, String nextCursor, String prevCursor) {
    }
}
