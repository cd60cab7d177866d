package org.surveillanceoversight.embedded;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The embedded default: answers {@code quarkus.datasource.jdbc.url} only when no other
 * source does (lowest ordinal), and starts PostgreSQL only at that moment. It also answers
 * {@code quarkus.datasource.reactive.url} with the same database (the JDBC URL given by the
 * standard variable, or the embedded one), so users set one URL. An URL from the
 * environment, a system property, application.properties or a test resource wins and
 * nothing starts. It lists no property names, so build steps that enumerate config never
 * start a database.
 */
public class EmbeddedDatabaseConfigSource implements ConfigSource {

    static final String URL_KEY = "quarkus.datasource.jdbc.url";
    static final String REACTIVE_URL_KEY = "quarkus.datasource.reactive.url";

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
        if (URL_KEY.equals(propertyName)) {
            // asked only when no other source answered; a build step (e.g. the integration tests' augmentation)
            // may ask without seeing the environment, so the standard variable still wins over starting one
            return configuredUrl().orElseGet(EmbeddedDatabase::jdbcUrl);
        }
        if (REACTIVE_URL_KEY.equals(propertyName)) {
            // the reactive client reads the same database: from the standard JDBC variable when set, else embedded
            String jdbc = configuredUrl().orElseGet(EmbeddedDatabase::jdbcUrl);
            return jdbc.startsWith("jdbc:") ? jdbc.substring("jdbc:".length()) : jdbc;
        }
        return null;
    }

    private static Optional<String> configuredUrl() {
        return Optional.ofNullable(System.getProperty(URL_KEY))
                .or(() -> Optional.ofNullable(System.getenv("QUARKUS_DATASOURCE_JDBC_URL")));
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
