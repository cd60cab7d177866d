package org.surveillanceoversight.common;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.equalTo;

/** A load balancer must stop sending traffic while the database is unreachable, and resume after. */
@QuarkusTest
public class ReadinessTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void notReadyWhileTheDatabaseRefusesConnections() throws SQLException, InterruptedException {
        String database;
        String url;
        try (Connection c = dataSource.getConnection()) {
            database = c.getCatalog();
            url = c.getMetaData().getURL().replaceFirst("/[^/?]+(\\?|$)", "/template1$1");
        }
        try (Connection admin = DriverManager.getConnection(url, setting("username"), setting("password"));
             Statement s = admin.createStatement()) {
            s.execute("alter database \"" + database + "\" allow_connections false");
            try {
                s.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database + "'");
                when().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
                when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
            } finally {
                s.execute("alter database \"" + database + "\" allow_connections true");
            }
        }
        // the pool drops the killed connections in the background; recovery is bounded, not instant
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (when().get("/q/health/ready").statusCode() != 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
        when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        when().get("/api/v1/deployments").then().statusCode(200);
    }

    private static String setting(String name) {
        return ConfigProvider.getConfig().getOptionalValue("quarkus.datasource." + name, String.class).orElse(null);
    }
}
