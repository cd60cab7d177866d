package org.surveillanceoversight.deployment.write;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.surveillanceoversight.common.records.Confidence;
import org.surveillanceoversight.common.records.Qualifier;
import org.surveillanceoversight.deployment.model.CameraCount;
import org.surveillanceoversight.deployment.model.Deployment;
import org.surveillanceoversight.deployment.model.DeploymentCapability;
import org.surveillanceoversight.deployment.model.DeploymentVendor;
import org.surveillanceoversight.deployment.model.Financing;
import org.surveillanceoversight.deployment.model.StatusEvent;
import org.surveillanceoversight.history.RecordInput;
import org.surveillanceoversight.oversight.OversightCriterion;
import org.surveillanceoversight.source.CitationInput;
import org.surveillanceoversight.source.Claims;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A deployment as an editor writes it: the whole aggregate, each claim with its citations. On PUT
 * (and on the result of a merge patch) a part with an `id` updates that part, a part without one
 * is new, and a current part left out is retracted with the change reason; nothing is deleted.
 */
@Schema(name = "DeploymentInput")
public record DeploymentInput(
        @NotBlank @Size(max = 300) String title,
        @Size(max = 5000) String summary,
        @NotNull Deployment.ProgramType programType,
        @Schema(description = "A larger program this one belongs to") UUID parentId,
        @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String country,
        @Size(max = 50) List<@NotNull UUID> localityIds,
        @Size(max = 300) String operatorAgency,
        @Size(max = 50) List<@NotBlank @Size(max = 300) String> publicSpaces,
        @NotNull Confidence confidence,
        @Size(max = 2000) String confidenceNote,
        @NotEmpty @Size(max = 50) List<@Valid @NotNull CitationInput> citations,
        @Size(max = 100) List<@Valid @NotNull VendorRoleInput> vendors,
        @Size(max = 100) List<@Valid @NotNull StatusEventInput> statusHistory,
        @Size(max = 500) List<@Valid @NotNull CameraCountInput> cameraCounts,
        @Size(max = 50) List<@Valid @NotNull CapabilityInput> capabilities,
        @Size(max = 100) List<@Valid @NotNull FinancingInput> financing,
        @Schema(description = "The oversight assessment as of a date. The one with the same `as_of` is updated, a new "
                + "date adds an assessment (earlier ones stay in the record), and null retracts the current one.")
        @Valid OversightInput oversight,
        @Schema(nullable = true, description = "Why this write is made, kept in the history: required, non-blank, on every write; "
                + "null in the form GET .../{id}/input returns") @NotBlank @Size(max = 2000) String changeReason) implements RecordInput {

    static final String DATE = "\\d{4}(-\\d{2}(-\\d{2})?)?";
    static final String DATE_MESSAGE = "must be YYYY, YYYY-MM or YYYY-MM-DD";

    @Schema(name = "VendorRoleInput")
    public record VendorRoleInput(UUID id, @NotNull UUID vendorId, @NotNull DeploymentVendor.Role role,
                                  @Size(max = 2000) String note,
                                  @NotEmpty @Size(max = 50) List<@Valid @NotNull CitationInput> citations) implements Claims.Part {
    }

    @Schema(name = "StatusEventInput")
    public record StatusEventInput(UUID id, @NotNull StatusEvent.Status status,
                                   @Pattern(regexp = DATE, message = DATE_MESSAGE) String occurredOn,
                                   @Size(max = 2000) String note,
                                   @NotEmpty @Size(max = 50) List<@Valid @NotNull CitationInput> citations) implements Claims.Part {
    }

    @Schema(name = "CameraCountInput")
    public record CameraCountInput(UUID id,
                                   @Pattern(regexp = DATE, message = DATE_MESSAGE) String observedOn,
                                   @PositiveOrZero Integer total, Qualifier totalQualifier,
                                   @Schema(description = "The upper end when the source gives a range; `total` is then its lower end and `total_qualifier` is `range`")
                                   @PositiveOrZero Integer totalUpper,
                                   @PositiveOrZero Integer facialRecognition, Qualifier facialRecognitionQualifier,
                                   @PositiveOrZero Integer plateReading, Qualifier plateReadingQualifier,
                                   @NotNull CameraCount.Basis basis,
                                   @Size(max = 500) String scope,
                                   @Size(max = 2000) String note,
                                   @NotEmpty @Size(max = 50) List<@Valid @NotNull CitationInput> citations) implements Claims.Part {
    }

    @Schema(name = "CapabilityInput")
    public record CapabilityInput(UUID id, @NotBlank String code,
                                  @NotNull DeploymentCapability.EvidenceLevel evidenceLevel,
                                  @Pattern(regexp = DATE, message = DATE_MESSAGE) String sinceOn,
                                  @Pattern(regexp = DATE, message = DATE_MESSAGE) String untilOn,
                                  @Size(max = 2000) String note,
                                  @NotEmpty @Size(max = 50) List<@Valid @NotNull CitationInput> citations) implements Claims.Part {
    }

    @Schema(name = "FinancingInput")
    public record FinancingInput(UUID id,
                                 @Schema(description = "Another current financing of this deployment, listed in this request, that this is a tranche of")
                                 UUID trancheOf,
                                 @Schema(description = "The position (from 0) in this request's `financing` of the financing that this "
                                         + "is a tranche of: for a package that is new in the same request, which has no ID yet. "
                                         + "Give `tranche_of` or this, not both; the deployment's answer and its input show the "
                                         + "package's ID in `tranche_of`.")
                                 @PositiveOrZero Integer trancheOfIndex,
                                 @NotNull Financing.Instrument instrument,
                                 @Size(max = 2000) String description,
                                 @Size(max = 300) String lender,
                                 @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String lenderCountry,
                                 @Size(max = 300) String borrower,
                                 @DecimalMin("0") @Digits(integer = 16, fraction = 2) BigDecimal amount,
                                 @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency,
                                 @DecimalMin("0") @Digits(integer = 16, fraction = 2) BigDecimal amountUsd,
                                 Qualifier amountQualifier,
                                 @DecimalMin("0") @Digits(integer = 3, fraction = 3) BigDecimal interestRatePct,
                                 @DecimalMin(value = "0", inclusive = false) @Digits(integer = 3, fraction = 2) BigDecimal maturityYears,
                                 @DecimalMin("0") @Digits(integer = 3, fraction = 2) BigDecimal gracePeriodYears,
                                 @Pattern(regexp = DATE, message = DATE_MESSAGE) String signedOn,
                                 @Pattern(regexp = DATE, message = DATE_MESSAGE) String ratifiedOn,
                                 @Size(max = 300) String ratifiedBy,
                                 @Size(max = 2000) String repaymentSource,
                                 @Size(max = 20) List<@Valid @NotNull ExternalIdInput> externalIds,
                                 @NotEmpty @Size(max = 50) List<@Valid @NotNull CitationInput> citations) implements Claims.Part {
    }

    @Schema(name = "OversightInput")
    public record OversightInput(
            @NotNull @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "must be YYYY-MM-DD") String asOf,
            @NotBlank @Size(max = 300) String assessedBy,
            @Size(max = 5000) String note,
            @Size(max = 13) List<@Valid @NotNull CriterionInput> criteria) {
    }

    @Schema(name = "CriterionInput", description = "A score other than `unknown` is a claim and needs a citation; "
            + "criteria left out are shown as `unknown`")
    public record CriterionInput(
            @NotNull OversightCriterion.Criterion criterion,
            @NotNull OversightCriterion.Score score,
            @Size(max = 5000) String evidence,
            @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "must be YYYY-MM-DD") String asOf,
            @Size(max = 50) List<@Valid @NotNull CitationInput> citations) {
    }

    @Schema(name = "ExternalIdInput")
    public record ExternalIdInput(
            @NotNull @Pattern(regexp = "[a-z][a-z0-9_]*", message = "must be a lower-case system name such as aiddata") String system,
            @NotBlank @Size(max = 200) String id,
            @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String url) {
    }
}
