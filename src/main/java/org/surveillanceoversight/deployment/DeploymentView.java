package org.surveillanceoversight.deployment;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.surveillanceoversight.common.Confidence;
import org.surveillanceoversight.common.DatePrecision;
import org.surveillanceoversight.common.Publication;
import org.surveillanceoversight.common.Qualifier;
import org.surveillanceoversight.country.Locality;
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
        String summary,
        Deployment.ProgramType programType,
        UUID parentId,
        CountryRef country,
        List<LocalityView> localities,
        @Schema(description = "The agency that runs the system; null where no source names it")
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
        OversightView oversight,
        Confidence confidence,
        String confidenceNote,
        Publication publication,
        org.surveillanceoversight.common.Retraction retraction,
        int version,
        Instant createdAt,
        Instant updatedAt,
        List<CitationView> citations) {

    public record CountryRef(String code, String alpha3, String name, String region) {
    }

    public record LocalityView(UUID id, String nameEn, String nameLocal, String localScript, Locality.Kind kind,
                               Double latitude, Double longitude) {
    }

    public record StatusEventView(UUID id, int sequence, StatusEvent.Status status, LocalDate occurredOn,
                                  DatePrecision occurredPrecision, String note, List<CitationView> citations) {
    }

    public record VendorRoleView(UUID id, UUID vendorId, String vendorName, DeploymentVendor.Role role, String note,
                                 List<CitationView> citations) {
    }

    public record CameraCountView(UUID id, LocalDate observedOn, DatePrecision observedPrecision,
                                  Integer total, Qualifier totalQualifier,
                                  Integer facialRecognition, Qualifier facialRecognitionQualifier,
                                  Integer plateReading, Qualifier plateReadingQualifier,
                                  CameraCount.Basis basis, String scope, String note, List<CitationView> citations) {
    }

    public record CapabilityView(UUID id, String code, String name, DeploymentCapability.EvidenceLevel evidenceLevel,
                                 LocalDate sinceOn, DatePrecision sincePrecision, LocalDate untilOn,
                                 DatePrecision untilPrecision, String note, List<CitationView> citations) {
    }

    public record FinancingView(UUID id, UUID trancheOf, Financing.Instrument instrument, String description,
                                String lender, String lenderCountry, String borrower,
                                @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                                        description = "Decimal string in `currency`")
                                BigDecimal amount, String currency,
                                @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                                        description = "Decimal string in US dollars")
                                BigDecimal amountUsd, Qualifier amountQualifier,
                                @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)
                                BigDecimal interestRatePct,
                                @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)
                                BigDecimal maturityYears,
                                @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)
                                BigDecimal gracePeriodYears,
                                LocalDate signedOn, DatePrecision signedPrecision, LocalDate ratifiedOn,
                                DatePrecision ratifiedPrecision, String ratifiedBy, String repaymentSource,
                                List<ExternalIdView> externalIds, List<CitationView> citations) {
    }

    public record ExternalIdView(String system, String id, String url) {
    }

    @Schema(description = "The latest oversight assessment. `label` is derived from the criteria by the rule in "
            + "docs/OVERSIGHT.md; `not_assessed` when no assessment exists. Every criterion is listed: "
            + "`unknown` where nothing is known.")
    public record OversightView(UUID id, LocalDate asOf, String assessedBy, String label, String note,
                                List<CriterionView> criteria) {
    }

    public record CriterionView(OversightCriterion.Criterion criterion, OversightCriterion.Score score,
                                String evidence, LocalDate asOf, List<CitationView> citations) {
    }

    static final String NOT_ASSESSED = "not_assessed";

    static String labelName(OversightLabel.Label label) {
        return label == null ? NOT_ASSESSED : label.name();
    }
}
