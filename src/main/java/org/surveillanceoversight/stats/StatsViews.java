package org.surveillanceoversight.stats;

import org.surveillanceoversight.common.http.DataVersioned;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Dashboard aggregates. Every response says how it counted and which filters it applied. */
public final class StatsViews {

    static final String COUNTING = "Each published deployment counts once, with its latest published camera "
            + "observation. Totals qualified as exact, at least, over or approximately are summed as stated; "
            + "planned totals are summed apart in cameras_planned. A deployment without an observation adds no cameras.";

    private StatsViews() {
    }

    @Schema(name = "StatsResponse", description = "An aggregate: how it counted, the filters applied, the rows")
    public record Stats<T>(String counting, Map<String, Object> filters, long dataVersion, List<T> data)
            implements DataVersioned {
    }

    public record CountryRow(String countryCode, String countryName, long deployments,
                             @Schema(description = "Deployments whose latest observation gives a total")
                             long deploymentsWithCameras, long cameras, long camerasPlanned) {
    }

    public record VendorRow(UUID vendorId, String vendorName, long deployments, long cameras, long camerasPlanned) {
    }

    public record YearRow(@Schema(nullable = true, description = "Year of the first dated lifecycle event; null when unknown") Integer year,
                          long deployments, long cameras, long camerasPlanned) {
    }

    public record CapabilityRow(String code, String name, long deployments, long cameras, long camerasPlanned) {
    }

    public record LabelRow(String label, long deployments) {
    }

    public record FacialRecognitionShare(
            @Schema(description = "Deployments whose latest observation gives both a total and a facial-recognition count, neither planned")
            long deploymentsCounted, long cameras, long facialRecognition,
            @Schema(nullable = true, description = "facial_recognition / cameras; null when no cameras were counted") Double share) {
    }

    @Schema(name = "CountryStats")
    public record CountryStats(String counting, Map<String, Object> filters, long dataVersion, List<CountryRow> data) {
    }

    @Schema(name = "VendorStats")
    public record VendorStats(String counting, Map<String, Object> filters, long dataVersion, List<VendorRow> data) {
    }

    @Schema(name = "YearStats")
    public record YearStats(String counting, Map<String, Object> filters, long dataVersion, List<YearRow> data) {
    }

    @Schema(name = "CapabilityStats")
    public record CapabilityStats(String counting, Map<String, Object> filters, long dataVersion, List<CapabilityRow> data) {
    }

    @Schema(name = "LabelStats")
    public record LabelStats(String counting, Map<String, Object> filters, long dataVersion, List<LabelRow> data) {
    }

    @Schema(name = "FacialRecognitionStats")
    public record FacialRecognitionStats(String counting, Map<String, Object> filters, long dataVersion,
                                         List<FacialRecognitionShare> data) {
    }
}
