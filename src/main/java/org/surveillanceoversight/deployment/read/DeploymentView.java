package org.surveillanceoversight.deployment.read;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.surveillanceoversight.common.records.Confidence;
import org.surveillanceoversight.common.records.DatePrecision;
import org.surveillanceoversight.common.records.Publication;
import org.surveillanceoversight.common.records.Qualifier;
import org.surveillanceoversight.common.records.Retraction;
import org.surveillanceoversight.country.Locality;
import org.surveillanceoversight.deployment.model.CameraCount;
import org.surveillanceoversight.deployment.model.Deployment;
import org.surveillanceoversight.deployment.model.DeploymentCapability;
import org.surveillanceoversight.deployment.model.DeploymentVendor;
import org.surveillanceoversight.deployment.model.Financing;
import org.surveillanceoversight.deployment.model.StatusEvent;
import org.surveillanceoversight.oversight.OversightCriterion;
import org.surveillanceoversight.oversight.OversightLabel;
import org.surveillanceoversight.source.CitationView;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One deployment with everything known about it; every claim carries its citations. */
@Schema(name = "Deployment")
public record DeploymentView(
        UUID id,
        String title,
        @Schema(nullable = true) String summary,
        Deployment.ProgramType programType,
        @Schema(nullable = true) UUID parentId,
        CountryRef country,
        List<LocalityView> localities,
        @Schema(nullable = true, description = "The agency that runs the system; null where no source names it")
        String operatorAgency,
        List<String> publicSpaces,
        @Schema(description = "The status of the last published lifecycle event, or `unknown` when none is recorded")
        String status,
        List<StatusEventView> statusHistory,
        List<VendorRoleView> vendors,
        @Schema(description = "Observations, latest first; never one overwritten number")
        List<CameraCountView> cameraCounts,
        List<CapabilityView> capabilities,
        List<FinancingView> financing,
        @Schema(nullable = true) OversightView oversight,
        Confidence confidence,
        @Schema(nullable = true) String confidenceNote,
        Publication publication,
        @Schema(nullable = true) Retraction retraction,
        int version,
        Instant createdAt,
        Instant updatedAt,
        List<CitationView> citations) {

    public record CountryRef(String code, String alpha3, String name, @Schema(nullable = true) String region) {
    }

    public record LocalityView(UUID id, String nameEn, @Schema(nullable = true) String nameLocal, @Schema(nullable = true) String localScript, Locality.Kind kind,
                               @Schema(nullable = true) Double latitude, @Schema(nullable = true) Double longitude) {
    }

    public record StatusEventView(UUID id, int sequence, StatusEvent.Status status, @Schema(nullable = true) LocalDate occurredOn,
                                  @Schema(nullable = true) DatePrecision occurredPrecision, @Schema(nullable = true) String note, List<CitationView> citations) {
    }

    public record VendorRoleView(UUID id, UUID vendorId, String vendorName, DeploymentVendor.Role role, @Schema(nullable = true) String note,
                                 List<CitationView> citations) {
    }

    public record CameraCountView(UUID id, @Schema(nullable = true) LocalDate observedOn, @Schema(nullable = true) DatePrecision observedPrecision,
                                  @Schema(nullable = true) Integer total, @Schema(nullable = true) Qualifier totalQualifier,
                                  @Schema(nullable = true, description = "The upper end when the source gives a range (`total_qualifier` is `range`); `total` is then its lower end") Integer totalUpper,
                                  @Schema(nullable = true) Integer facialRecognition, @Schema(nullable = true) Qualifier facialRecognitionQualifier,
                                  @Schema(nullable = true) Integer plateReading, @Schema(nullable = true) Qualifier plateReadingQualifier,
                                  CameraCount.Basis basis, @Schema(nullable = true) String scope, @Schema(nullable = true) String note, List<CitationView> citations) {
    }

    public record CapabilityView(UUID id, String code, String name, DeploymentCapability.EvidenceLevel evidenceLevel,
                                 @Schema(nullable = true) LocalDate sinceOn, @Schema(nullable = true) DatePrecision sincePrecision, @Schema(nullable = true) LocalDate untilOn,
                                 @Schema(nullable = true) DatePrecision untilPrecision, @Schema(nullable = true) String note, List<CitationView> citations) {
    }

    public record FinancingView(UUID id, @Schema(nullable = true) UUID trancheOf, Financing.Instrument instrument, @Schema(nullable = true) String description,
                                @Schema(nullable = true) String lender, @Schema(nullable = true) String lenderCountry, @Schema(nullable = true) String borrower,
                                @Schema(nullable = true, type = SchemaType.STRING,
                                        description = "Decimal string in `currency`")
                                BigDecimal amount, @Schema(nullable = true) String currency,
                                @Schema(nullable = true, type = SchemaType.STRING,
                                        description = "Decimal string in US dollars")
                                BigDecimal amountUsd, @Schema(nullable = true) Qualifier amountQualifier,
                                @Schema(nullable = true, type = SchemaType.STRING)
                                BigDecimal interestRatePct,
                                @Schema(nullable = true, type = SchemaType.STRING)
                                BigDecimal maturityYears,
                                @Schema(nullable = true, type = SchemaType.STRING)
                                BigDecimal gracePeriodYears,
                                @Schema(nullable = true) LocalDate signedOn, @Schema(nullable = true) DatePrecision signedPrecision, @Schema(nullable = true) LocalDate ratifiedOn,
                                @Schema(nullable = true) DatePrecision ratifiedPrecision, @Schema(nullable = true) String ratifiedBy, @Schema(nullable = true) String repaymentSource,
                                List<ExternalIdView> externalIds, List<CitationView> citations) {
    }

    public record ExternalIdView(String system, String id, @Schema(nullable = true) String url) {
    }

    @Schema(description = "The latest oversight assessment. `label` is derived from the criteria by the rule in "
            + "docs/OVERSIGHT.md; `not_assessed` when no assessment exists. Every criterion is listed: "
            + "`unknown` where nothing is known.")
    public record OversightView(@Schema(nullable = true) UUID id, @Schema(nullable = true) LocalDate asOf, @Schema(nullable = true) String assessedBy, String label, @Schema(nullable = true) String note,
                                List<CriterionView> criteria) {
    }

    public record CriterionView(OversightCriterion.Criterion criterion, OversightCriterion.Score score,
                                @Schema(nullable = true) String evidence, @Schema(nullable = true) LocalDate asOf, List<CitationView> citations) {
    }

    static final String NOT_ASSESSED = "not_assessed";

    static String labelName(OversightLabel.Label label) {
        return label == null ? NOT_ASSESSED : label.name();
    }
}
