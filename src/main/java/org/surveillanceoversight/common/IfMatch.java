package org.surveillanceoversight.common;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Optimistic concurrency on writes: the record's ETag is W/"v<version>"; a write must send it in If-Match. */
public final class IfMatch {

    private static final Pattern VERSION_TAG = Pattern.compile("^\\s*(?:W/)?\"v(\\d{1,9})\"\\s*$");

    private IfMatch() {
    }

    public static String etag(int version) {
        return "W/\"v" + version + "\"";
    }

    /** The version the caller read: 428 without If-Match, 412 for a tag that names no version. */
    public static int version(String header) {
        if (header == null || header.isBlank()) {
            throw new ApiProblem("precondition-required", "Precondition Required", 428,
                    "Writes need If-Match with the record's current ETag (GET it first), so no edit is lost.",
                    List.of(new FieldError("If-Match", "is required")));
        }
        Matcher m = VERSION_TAG.matcher(header);
        if (!m.matches()) {
            throw new ApiProblem("precondition-failed", "Precondition Failed", 412,
                    "If-Match does not name a current version of this record; GET it again and use its ETag.",
                    List.of(new FieldError("If-Match", "matches no current version")));
        }
        return Integer.parseInt(m.group(1));
    }
}
