package org.surveillanceoversight.common.records;

import org.surveillanceoversight.common.errors.ApiProblem;
import org.surveillanceoversight.common.errors.FieldError;
import java.util.UUID;
import java.util.regex.Pattern;

/** Public IDs are UUIDs; anything else in a path is the caller's mistake (400), not a missing record (404). */
public final class PublicId {

    private static final Pattern UUID_TEXT =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private PublicId() {
    }

    public static UUID parse(String raw, String parameter) {
        if (raw == null || !UUID_TEXT.matcher(raw).matches()) {
            throw ApiProblem.badRequest("malformed-id", "Malformed ID",
                    "IDs are UUIDs such as 3f2c9a4e-6b1d-3c8e-9a0f-1b2c3d4e5f60.",
                    new FieldError(parameter, "must be a UUID"));
        }
        return UUID.fromString(raw);
    }
}
