package org.surveillanceoversight.export;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.surveillanceoversight.common.records.Confidence;
import org.surveillanceoversight.common.records.DatePrecision;
import org.surveillanceoversight.common.records.Qualifier;
import org.surveillanceoversight.deployment.model.CameraCount;
import org.surveillanceoversight.deployment.model.Deployment;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * What the exports stream, as the contract documents it: the rows (their components, in order, are
 * the CSV columns and the NDJSON keys) and the GeoJSON features. The SQL in ExportService writes
 * them; the tests check every export against these shapes.
 */
final class ExportRows {

    private ExportRows() {
    }

    @Schema(name = "DeploymentRow", description = "One deployment as a flat CSV row; several values are joined with `; `")
    record DeploymentRow(UUID id, String title, Deployment.ProgramType programType, String countryCode, String countryName,
                         @Schema(nullable = true) String localities, String status,
                         @Schema(nullable = true) Integer announcedYear, @Schema(nullable = true) Integer operationalYear,
                         @Schema(nullable = true) LocalDate camerasObservedOn, @Schema(nullable = true) Integer cameras,
                         @Schema(nullable = true) Qualifier camerasQualifier,
                         @Schema(nullable = true) Integer facialRecognition,
                         @Schema(nullable = true) Qualifier facialRecognitionQualifier,
                         @Schema(nullable = true) Integer plateReading, @Schema(nullable = true) String vendors,
                         @Schema(nullable = true) String capabilities, boolean financed,
                         @Schema(nullable = true, type = SchemaType.STRING, description = "Decimal string") String financingUsd,
                         @Schema(nullable = true) String lenders, String oversightLabel, Confidence confidence,
                         @Schema(nullable = true) String operatorAgency,
                         @Schema(nullable = true, description = "Space-separated URLs of the sources the deployment cites") String sourceUrls,
                         Instant updatedAt) {
    }

    @Schema(name = "CameraCountRow", description = "One camera-count observation with its deployment, qualifiers, basis and sources")
    record CameraCountRow(UUID id, UUID deploymentId, String deploymentTitle, String countryCode,
                          @Schema(nullable = true) LocalDate observedOn, @Schema(nullable = true) DatePrecision observedPrecision,
                          @Schema(nullable = true) Integer total, @Schema(nullable = true) Qualifier totalQualifier,
                          @Schema(nullable = true, description = "The upper end of a range (`total_qualifier` is `range`)") Integer totalUpper,
                          @Schema(nullable = true) Integer facialRecognition,
                          @Schema(nullable = true) Qualifier facialRecognitionQualifier,
                          @Schema(nullable = true) Integer plateReading, @Schema(nullable = true) Qualifier plateReadingQualifier,
                          CameraCount.Basis basis, @Schema(nullable = true) String scope, @Schema(nullable = true) String note,
                          @Schema(nullable = true, description = "Space-separated URLs of the sources the observation cites") String sourceUrls) {
    }

    @Schema(name = "DeploymentFeatureCollection", description = "GeoJSON (RFC 7946): one feature per deployment")
    record FeatureCollection(@Schema(enumeration = "FeatureCollection") String type, List<Feature> features) {
    }

    @Schema(name = "DeploymentFeature", description = "A deployment at its localities' coordinates; geometry is null when none has any")
    record Feature(@Schema(enumeration = "Feature") String type, UUID id,
                   @Schema(nullable = true, oneOf = {Point.class, MultiPoint.class}) Object geometry,
                   FeatureProperties properties) {
    }

    @Schema(name = "Point", description = "One locality: [longitude, latitude] (WGS 84)")
    record Point(@Schema(enumeration = "Point") String type, @Schema(minItems = 2, maxItems = 2) List<Double> coordinates) {
    }

    @Schema(name = "MultiPoint", description = "Several localities, each [longitude, latitude] (WGS 84)")
    record MultiPoint(@Schema(enumeration = "MultiPoint") String type, List<List<Double>> coordinates) {
    }

    @Schema(name = "DeploymentFeatureProperties")
    record FeatureProperties(String title, Deployment.ProgramType programType, String countryCode,
                             @Schema(nullable = true) List<String> localities, String status,
                             @Schema(nullable = true) Integer cameras, @Schema(nullable = true) Qualifier camerasQualifier,
                             @Schema(nullable = true) Integer facialRecognition,
                             @Schema(nullable = true) Qualifier facialRecognitionQualifier, String oversightLabel,
                             @Schema(description = "The deployment in the API") String href) {
    }

    /** "text/csv; charset=utf-8" -> "text/csv" */
    static String bare(String mediaType) {
        int semicolon = mediaType.indexOf(';');
        return semicolon < 0 ? mediaType : mediaType.substring(0, semicolon);
    }

    /** A row's components in snake_case: the CSV header. */
    static List<String> columns(Class<? extends Record> row) {
        return Arrays.stream(row.getRecordComponents()).map(RecordComponent::getName)
                .map(name -> name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT))
                .toList();
    }
}
