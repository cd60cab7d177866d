package org.surveillanceoversight.common.query;

import org.surveillanceoversight.common.errors.ApiProblem;
import org.surveillanceoversight.common.errors.FieldError;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * An opaque keyset cursor: the sort it belongs to, an item's sort key and ID, and whether the
 * page wanted lies after that item (next) or before it (previous). Pages start strictly beside
 * the item, so records inserted while a client pages are never served twice and existing ones
 * are never skipped.
 */
public record Cursor(String sort, String lastId, String lastKey, boolean before) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    private static final String VERSION = "c1";

    public String encode() {
        String text = VERSION + "|" + (before ? "b" : "a") + "|" + sort + "|" + lastId + "|" + (lastKey == null ? "" : lastKey);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The position after which the page starts; null for the first page. */
    public static Cursor decode(String cursor, String expectedSort) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 5);
            if (parts.length == 5 && parts[0].equals(VERSION) && (parts[1].equals("a") || parts[1].equals("b"))) {
                if (!parts[2].equals(expectedSort)) {
                    throw invalid("The cursor belongs to sort=" + parts[2] + "; keep the sort while paging.");
                }
                return new Cursor(parts[2], parts[3], parts[4], parts[1].equals("b"));
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw invalid("The cursor is not one this API issued; take it from next_cursor or the Link header.");
    }

    private static ApiProblem invalid(String detail) {
        return ApiProblem.badRequest("invalid-parameter", "Invalid parameter", detail,
                new FieldError("cursor", "is not a valid cursor for this request"));
    }

    /** The page size asked for as text (so "ten" is a 400 naming the parameter, not a 404). */
    public static int limit(String text) {
        if (text == null || text.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        int requested;
        try {
            requested = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            requested = -1;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw ApiProblem.badRequest("invalid-parameter", "Invalid parameter",
                    "limit must be between 1 and " + MAX_LIMIT + ".",
                    new FieldError("limit", "must be between 1 and " + MAX_LIMIT));
        }
        return requested;
    }
}
