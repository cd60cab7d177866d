package org.surveillanceoversight;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The PostgreSQL the tests talk to: the one named by QUARKUS_DATASOURCE_JDBC_URL (with
 * _USERNAME and _PASSWORD) when set, otherwise a throwaway embedded one started once per JVM.
 * Never a mock, never H2.
 */
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
public class TestDatabase implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgres postgres;

    @Override
    public synchronized Map<String, String> start() {
        if (System.getenv("QUARKUS_DATASOURCE_JDBC_URL") != null) {
            return Map.of();
        }
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder()
                        .setLocaleConfig("locale", "C.UTF-8")
                        .setLocaleConfig("encoding", "UTF8")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL for the tests", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::close));
        }
        return Map.of("quarkus.datasource.jdbc.url", postgres.getJdbcUrl("postgres", "postgres"),
                "quarkus.datasource.reactive.url", "postgresql://localhost:" + postgres.getPort() + "/postgres",
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    /**
     * A new, empty database on the same server, for a test that must see only what it wrote (the
     * history replay); returns the same properties as start(), naming that database.
     */
    public static synchronized Map<String, String> freshDatabase(String prefix) {
        Map<String, String> base = new TestDatabase().start();
        String jdbc = base.isEmpty() ? System.getenv("QUARKUS_DATASOURCE_JDBC_URL") : base.get("quarkus.datasource.jdbc.url");
        String user = base.isEmpty() ? System.getenv("QUARKUS_DATASOURCE_USERNAME") : base.get("quarkus.datasource.username");
        String password = base.isEmpty() ? System.getenv("QUARKUS_DATASOURCE_PASSWORD") : base.get("quarkus.datasource.password");
        String name = prefix + "_" + Long.toHexString(System.nanoTime());
        java.util.Properties login = new java.util.Properties();
        if (user != null) {
            login.setProperty("user", user);
        }
        if (password != null) {
            login.setProperty("password", password);
        }
        // the driver itself, not DriverManager: a test's class loader does not always see it registered
        try (java.sql.Connection c = new org.postgresql.Driver().connect(jdbc, login);
             java.sql.Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not create the test database " + name, e);
        }
        // jdbc:postgresql://host:port/db?params -> the same server, the new database
        String url = jdbc.replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
        return Map.of("quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.reactive.url", url.substring("jdbc:".length()),
                "quarkus.datasource.username", user == null ? "" : user,
                "quarkus.datasource.password", password == null ? "" : password);
    }

    @Override
    public void stop() {
        // shared by every test class in this JVM; closed when the JVM exits
    }

    private static synchronized void close() {
        try {
            if (postgres != null) {
                postgres.close();
            }
        } catch (IOException ignored) {
            // the JVM is exiting
        }
    }
}
