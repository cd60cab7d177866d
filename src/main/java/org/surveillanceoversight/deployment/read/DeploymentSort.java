package org.surveillanceoversight.deployment.read;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The orders a deployment list can be read in; each is a keyset over (key, id). */
public enum DeploymentSort {
    id(null, "uuid"),
    title("s.title", "text"),
    country("s.country_code", "text"),
    cameras("coalesce(s.cameras, -1)", "integer"),
    updated_at("s.updated_at", "timestamptz");

    final String key;
    final String type;

    DeploymentSort(String key, String type) {
        this.key = key;
        this.type = type;
    }

    public static String allowed() {
        return Arrays.stream(values()).map(s -> s.name() + ", -" + s.name()).collect(Collectors.joining(", "));
    }
}
