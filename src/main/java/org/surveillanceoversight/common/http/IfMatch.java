package org.surveillanceoversight.common.http;

import org.surveillanceoversight.common.errors.ApiProblem;
import org.surveillanceoversight.common.errors.FieldError;

import java.util.List;

/**
 * Optimistic concurrency on writes. Every record's ETag is strong and made the same way: from its
 * revision, which any change to what its GET shows raises ("r<revision>"). A write must send the
 * current tag in If-Match (strong comparison, RFC 9110).
 */
public final class IfMatch {

    private IfMatch() {
    }

    /** The strong ETag of a record at this revision. */
    public static String etag(long revision) {
        return "\"r" + revision + "\"";
    }

    /** The entity tag the caller read (428 without If-Match), to compare with the record's current strong ETag. */
    public static String require(String header) {
        if (header == null || header.isBlank()) {
            throw new ApiProblem("precondition-required", "Precondition Required", 428,
                    "Writes need If-Match with the record's current ETag (GET it first), so no edit is lost.",
                    List.of(new FieldError("If-Match", "is required")));
        }
        return header.trim();
    }

    public static ApiProblem stale(String detail) {
        return new ApiProblem("precondition-failed", "Precondition Failed", 412, detail,
                List.of(new FieldError("If-Match", "matches no current version")));
    }
}
