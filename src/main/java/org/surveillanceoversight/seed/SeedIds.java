package org.surveillanceoversight.seed;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Seed records get name-based UUIDs from their kind and key, so every machine that loads the
 * seed gives a record the same public ID, and reloading a corrected file updates it in place.
 */
public final class SeedIds {

    private static final String NAMESPACE = "surveillance-oversight/seed/";

    private SeedIds() {
    }

    public static UUID of(String kind, String key) {
        return UUID.nameUUIDFromBytes((NAMESPACE + kind + "/" + key).getBytes(StandardCharsets.UTF_8));
    }
}
