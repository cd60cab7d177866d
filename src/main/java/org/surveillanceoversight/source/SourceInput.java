package org.surveillanceoversight.source;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.surveillanceoversight.history.RecordInput;

import java.util.List;

/** A new source as an editor submits it, with the reason recorded in its history. */
public record SourceInput(
        @NotNull Source.Kind kind,
        @NotBlank @Size(max = 500) String title,
        @Size(max = 300) String publisher,
        @Size(max = 50) List<@NotBlank @Size(max = 200) String> authors,
        @Pattern(regexp = "\\d{4}(-\\d{2}(-\\d{2})?)?", message = "must be YYYY, YYYY-MM or YYYY-MM-DD") String publishedOn,
        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String url,
        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String archivedUrl,
        @NotNull @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", message = "must be a language tag such as en") String language,
        @Size(max = 500) String license,
        @Schema(description = "The version of a dataset, as its publisher names it (\"Version 3.0\")") @Size(max = 100) String datasetVersion,
        @Size(max = 5000) String notes,
        @Schema(nullable = true, description = "Why this write is made, kept in the history: required, non-blank, on every write; "
                + "null in the form GET .../{id}/input returns") @NotBlank @Size(max = 2000) String changeReason) implements RecordInput {
}
