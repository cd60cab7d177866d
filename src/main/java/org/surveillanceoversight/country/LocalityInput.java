package org.surveillanceoversight.country;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.surveillanceoversight.history.RecordInput;

import java.util.List;

/** A place as an editor writes it. A place is not a claim, so it needs no citation; the reason is recorded. */
@Schema(name = "LocalityInput")
public record LocalityInput(
        @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String countryCode,
        @NotBlank @Size(max = 200) String nameEn,
        @Size(max = 200) String nameLocal,
        @Pattern(regexp = "[A-Z][a-z]{3}", message = "must be an ISO 15924 script code such as Cyrl") String localScript,
        @NotNull Locality.Kind kind,
        @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @DecimalMin("-180") @DecimalMax("180") Double longitude,
        @Size(max = 50) List<@NotBlank @Size(max = 200) String> aliases,
        @Schema(nullable = true, description = "Why this write is made, kept in the history: required, non-blank, on every write; "
                + "null in the form GET .../{id}/input returns") @NotBlank @Size(max = 2000) String changeReason) implements RecordInput {
}
