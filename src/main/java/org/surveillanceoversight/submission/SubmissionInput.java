package org.surveillanceoversight.submission;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A tip or correction from anyone. Contact details only if the submitter chooses to give them. */
@Schema(name = "SubmissionInput")
public record SubmissionInput(
        @NotNull Kind kind,
        @Schema(description = "The record a correction is about") @Pattern(regexp = "deployment|vendor|source|locality",
                message = "must be deployment, vendor, source or locality") String entityType,
        UUID entityId,
        @NotBlank @Size(max = 10000) String message,
        @Schema(implementation = Map.class, description = "For a correction: a JSON merge patch (RFC 7396) on the record's input form (GET .../{id}/input)")
        JsonNode proposedChange,
        @Size(max = 20) List<@NotBlank @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String> sourceUrls,
        @Size(max = 200) String contactName,
        @Size(max = 320) @Email String contactEmail) {

    /** A JSON null reads as no proposed change, as for every optional field. */
    public SubmissionInput {
        proposedChange = proposedChange == null || proposedChange.isNull() ? null : proposedChange;
    }

    @Schema(name = "SubmissionKind")
    public enum Kind { tip, correction }
}
