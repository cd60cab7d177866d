package org.surveillanceoversight.vendor;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.surveillanceoversight.history.RecordInput;
import org.surveillanceoversight.source.CitationInput;
import org.surveillanceoversight.source.Claims;

import java.util.List;
import java.util.UUID;

/** A vendor as an editor writes it, with its restrictions (each a cited claim) and the reason for the change. */
@Schema(name = "VendorInput")
public record VendorInput(
        @NotBlank @Size(max = 200) String name,
        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String hqCountry,
        @NotNull VendorOwnership ownership,
        @Size(max = 2000) String ownershipNote,
        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String website,
        @Size(max = 50) List<@Valid @NotNull AliasInput> aliases,
        @Size(max = 50) List<@Valid @NotNull RestrictionInput> restrictions,
        @NotEmpty @Size(max = 50) List<@Valid @NotNull CitationInput> citations,
        @Schema(nullable = true, description = "Why this write is made, kept in the history: required, non-blank, on every write; "
                + "null in the form GET .../{id}/input returns") @NotBlank @Size(max = 2000) String changeReason) implements RecordInput {

    static final String DATE = "\\d{4}(-\\d{2}(-\\d{2})?)?";
    static final String DATE_MESSAGE = "must be YYYY, YYYY-MM or YYYY-MM-DD";

    @Schema(name = "VendorAliasInput")
    public record AliasInput(@NotBlank @Size(max = 200) String alias,
                             @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", message = "must be a language tag such as zh")
                             String language) {
    }

    @Schema(name = "VendorRestrictionInput")
    public record RestrictionInput(UUID id, @NotNull VendorRestriction.Kind kind,
                                   @NotNull @Pattern(regexp = "[A-Z]{2}|EU|UN", message = "must be an ISO alpha-2 code, EU or UN")
                                   String jurisdiction,
                                   @Size(max = 300) String authority,
                                   @NotBlank @Size(max = 5000) String description,
                                   @Pattern(regexp = DATE, message = DATE_MESSAGE) String effectiveOn,
                                   @Pattern(regexp = DATE, message = DATE_MESSAGE) String endedOn,
                                   @NotEmpty @Size(max = 50) List<@Valid @NotNull CitationInput> citations) implements Claims.Part {
    }
}
