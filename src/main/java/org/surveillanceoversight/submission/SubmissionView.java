package org.surveillanceoversight.submission;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A submission as reviewers see it. */
@Schema(name = "Submission")
public record SubmissionView(UUID id, SubmissionInput.Kind kind, @Schema(nullable = true) String entityType, @Schema(nullable = true) UUID entityId, String message,
                             @Schema(nullable = true, implementation = Map.class, description = "The merge patch the submitter proposed, if any") JsonNode proposedChange, List<String> sourceUrls, @Schema(nullable = true) String contactName, @Schema(nullable = true) String contactEmail,
                             String state, Instant receivedAt, @Schema(nullable = true) Instant reviewedAt, @Schema(nullable = true) String reviewedBy, @Schema(nullable = true) String reviewNote,
                             @Schema(nullable = true) Long resultingRevision) {

    /** What the submitter gets back: the receipt, without anything they sent. */
    @Schema(name = "SubmissionReceipt")
    public record Receipt(UUID id, String state, Instant receivedAt) {
    }

    @Schema(name = "SubmissionPage")
    public record SubmissionPage(List<SubmissionView> data, int limit, @Schema(nullable = true) String nextCursor, @Schema(nullable = true) String prevCursor) {
    }

    @Schema(name = "ReviewInput")
    public record ReviewInput(@NotBlank @Size(max = 2000) String note) {
    }
}
