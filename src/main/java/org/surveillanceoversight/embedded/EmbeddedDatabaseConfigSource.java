package org.surveillanceoversight.embedded;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Map;
import java.util.Set;

/**
 * The embedded default: answers {@code quarkus.datasource.jdbc.url} only when no other
 * source does (lowest ordinal), and starts PostgreSQL only at that moment. An URL from the
 * environment, a system property, application.properties or a test resource wins and
 * nothing starts. It lists no property names, so build steps that enumerate config never
 * start a database.
 */
public class EmbeddedDatabaseConfigSource implements ConfigSource {

    static final String URL_KEY = "quarkus.datasource.jdbc.url";

    @Override
    public Set<String> getPropertyNames() {
        return Set.of();
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of();
    }

    @Override
    public String getValue(String propertyName) {
        return URL_KEY.equals(propertyName) ? EmbeddedDatabase.jdbcUrl() : null;
    }

    @Override
    public String getName() {
        return "embedded-postgresql";
    }

    @Override
    public int getOrdinal() {
        return 1;
    }
}
