package org.surveillanceoversight.submission;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A submission as reviewers see it. */
@Schema(name = "Submission")
public record SubmissionView(UUID id, SubmissionInput.Kind kind, String entityType, UUID entityId, String message,
                             JsonNode proposedChange, List<String> sourceUrls, String contactName, String contactEmail,
                             String state, Instant receivedAt, Instant reviewedAt, String reviewedBy, String reviewNote,
                             Long resultingRevision) {

    /** What the submitter gets back: the receipt, without anything they sent. */
    @Schema(name = "SubmissionReceipt")
    public record Receipt(UUID id, String state, Instant receivedAt) {
    }

    @Schema(name = "SubmissionPage")
    public record SubmissionPage(List<SubmissionView> data, int limit, String nextCursor, String prevCursor) {
    }

    @Schema(name = "ReviewInput")
    public record ReviewInput(@jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 2000) String note) {
    }
}
