package org.surveillanceoversight.embedded;

import org.eclipse.microprofile.config.spi.ConfigSource;
import org.surveillanceoversight.common.database.ReactiveUrls;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The embedded default: answers {@code quarkus.datasource.jdbc.url} only when no other
 * source does (lowest ordinal), and starts PostgreSQL only at that moment. It also answers
 * {@code quarkus.datasource.reactive.url} with the same database (the JDBC URL given by the
 * standard variable, or the embedded one), so users set one URL (a multi-host JDBC URL becomes one
 * reactive URL per host). An URL from the
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
            return ReactiveUrls.of(configuredUrl().orElseGet(EmbeddedDatabase::jdbcUrl));
        }
        return null;
    }

    /** A setting from a system property or its environment variable (the sources this one stands behind). */
    private static Optional<String> setting(String property) {
        String environment = property.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
        return Optional.ofNullable(System.getProperty(property)).or(() -> Optional.ofNullable(System.getenv(environment)))
                .filter(value -> !value.isBlank());
    }

    private static Optional<String> configuredUrl() {
        return setting(URL_KEY);
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
