package org.surveillanceoversight.country;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.surveillanceoversight.common.records.DeploymentsLink;
import org.surveillanceoversight.common.records.Publication;
import org.surveillanceoversight.common.records.Retraction;
import org.surveillanceoversight.finding.FindingView;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The country and locality representations. */
public final class CountryViews {

    private CountryViews() {
    }


    @Schema(name = "Country")
    public record CountryView(String code, String alpha3, String name,
                              @Schema(nullable = true, description = "UN M49 sub-region, where recorded") String region,
                              DeploymentsLink deployments, List<FindingView> findings) {
    }

    @Schema(name = "Locality")
    public record LocalityView(UUID id, String countryCode, String nameEn, @Schema(nullable = true) String nameLocal, @Schema(nullable = true) String localScript,
                               Locality.Kind kind,
                               @Schema(nullable = true, description = "Approximate centre, WGS 84") Double latitude, @Schema(nullable = true) Double longitude,
                               List<String> aliases, DeploymentsLink deployments,
                               Publication publication,
                               @Schema(nullable = true) Retraction retraction, int version,
                               Instant updatedAt) {
    }

    @Schema(name = "CountryPage")
    public record CountryPage(List<CountryView> data, int limit, @Schema(nullable = true) String nextCursor, @Schema(nullable = true) String prevCursor) {
    }

    @Schema(name = "LocalityPage")
    public record LocalityPage(List<LocalityView> data, int limit, @Schema(nullable = true) String nextCursor, @Schema(nullable = true) String prevCursor) {
    }
}
