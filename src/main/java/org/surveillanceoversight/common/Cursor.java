package org.surveillanceoversight.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/** An opaque keyset cursor: the ID of the last item served, so inserts while paging neither repeat nor skip. */
public final class Cursor {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    private Cursor() {
    }

    public static String after(UUID lastId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("v1:" + lastId).getBytes(StandardCharsets.UTF_8));
    }

    /** The ID after which the page starts; null for the first page. */
    public static UUID decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith("v1:")) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(text.substring(3));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("invalid-parameter", "Invalid parameter",
                    "The cursor is not one this API issued; take it from next_cursor or the Link header.",
                    new FieldError("cursor", "is not a valid cursor"));
        }
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
