package org.surveillanceoversight.common.http;

import org.surveillanceoversight.common.errors.ApiProblem;
import org.surveillanceoversight.common.errors.FieldError;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Optimistic concurrency on writes. A record's ETag is strong and names everything its
 * representation shows: its version and how often it is cited, "v<version>-c<cited>". A write
 * must send the current tag in If-Match (strong comparison, RFC 9110).
 */
public final class IfMatch {

    private static final Pattern TAG = Pattern.compile("^\\s*\"v(\\d{1,9})-c(\\d{1,12})\"\\s*$");

    /** What the caller read. */
    public record Tag(int version, long cited) {
    }

    private IfMatch() {
    }

    public static String etag(int version, long cited) {
        return "\"v" + version + "-c" + cited + "\"";
    }

    /** A tag of another form names no state of a source: it never matches (412 once the record is found, else 404). */
    static final Tag NO_STATE = new Tag(-1, -1);

    /** The tag the caller read: 428 without If-Match; a tag of another form matches nothing. */
    public static Tag parse(String header) {
        Matcher m = TAG.matcher(require(header));
        if (!m.matches()) {
            return NO_STATE;
        }
        return new Tag(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)));
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
