package org.surveillanceoversight.common.http;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.surveillanceoversight.auth.ApiKeyTest;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rate limits per address and per key: 429 with Retry-After and RateLimit-*, counted in PostgreSQL. */
@QuarkusTest
@TestProfile(RateLimitTest.LowLimits.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class RateLimitTest {

    static final int PER_ADDRESS = 20;
    static final int PER_KEY = 5;

    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("oversight.rate-limit.enabled", "true",
                    "oversight.rate-limit.per-address", String.valueOf(PER_ADDRESS),
                    "oversight.rate-limit.per-key", String.valueOf(PER_KEY),
                    "oversight.rate-limit.sync-every", "200ms");
        }
    }

    @jakarta.inject.Inject
    DataSource dataSource;

    /** Counts start over each minute; keep a test inside one window. */
    private static void awayFromTheMinuteEdge() throws InterruptedException {
        long second = Instant.now().getEpochSecond() % 60;
        if (second > 45) {
            Thread.sleep((61 - second) * 1000);
        }
    }

    @Test
    @Order(1)
    void hitsFromAnotherReplicaCountBecauseTheCountersAreShared() throws Exception {
        awayFromTheMinuteEdge();
        String key = "soa_made-up-key-for-the-rate-limit-test";
        byte[] secret;
        try (Connection c = dataSource.getConnection();
             ResultSet r = c.createStatement().executeQuery("select secret from rate_limit_secret")) {
            assertTrue(r.next(), "the shared secret is made at start");
            secret = HexFormat.of().parseHex(r.getString(1));
        }
        // another replica has already used up this key's minute
        long now = Instant.now().getEpochSecond();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("insert into rate_limit_window (bucket, window_start, hits) "
                     + "values (?, to_timestamp(?), ?)")) {
            s.setString(1, "k:" + RateLimiter.Hmac.hex(secret, key));
            s.setLong(2, now - now % 60);
            s.setLong(3, PER_KEY);
            s.executeUpdate();
        }
        given().auth().oauth2(key).get("/api/v1/capabilities"); // makes the bucket known here; synced within 200 ms
        Thread.sleep(1000);
        Response refused = given().auth().oauth2(key).get("/api/v1/capabilities");
        refused.then().statusCode(429).contentType("application/problem+json");
        assertEquals(String.valueOf(PER_KEY), refused.header("RateLimit-Limit"));
        assertEquals("0", refused.header("RateLimit-Remaining"));
        int retry = Integer.parseInt(refused.header("Retry-After"));
        assertTrue(retry >= 1 && retry <= 60, "Retry-After " + retry);
        // a request without the key is counted by address only
        given().get("/api/v1/capabilities").then().statusCode(200);
    }

    @Test
    @Order(2)
    void anAddressGetsItsLimitAMinuteThenA429WithRetryAfter() throws Exception {
        awayFromTheMinuteEdge();
        Response first = given().get("/api/v1/capabilities");
        first.then().statusCode(200);
        assertEquals(String.valueOf(PER_ADDRESS), first.header("RateLimit-Limit"));
        int remaining = Integer.parseInt(first.header("RateLimit-Remaining"));
        List<Integer> left = new ArrayList<>();
        for (int i = 0; i < remaining; i++) {
            Response r = given().get("/api/v1/capabilities");
            r.then().statusCode(200);
            left.add(Integer.parseInt(r.header("RateLimit-Remaining")));
        }
        assertEquals(0, left.isEmpty() ? 0 : left.get(left.size() - 1));
        Response refused = given().get("/api/v1/deployments");
        refused.then().statusCode(429).contentType("application/problem+json");
        assertTrue(Integer.parseInt(refused.header("Retry-After")) >= 1);
        // writes are refused too, before they run
        given().auth().oauth2(ApiKeyTest.ADMIN).contentType("application/json").body(Map.of("name", "x", "role", "editor"))
                .post("/api/v1/api-keys").then().statusCode(429);
        // every operation of the spec is refused alike, before it runs
        for (org.surveillanceoversight.contract.OpenApiContract.Operation operation
                : org.surveillanceoversight.contract.OpenApiContract.get().operations()) {
            String path = operation.path().replaceAll("\\{[^}]+}", "00000000-0000-0000-0000-000000000000");
            var request = given().auth().oauth2(ApiKeyTest.ADMIN);
            if (operation.node().has("requestBody")) {
                request = request.contentType(operation.node().path("requestBody").path("content").fieldNames().next()).body("{}");
            }
            assertEquals(429, request.request(operation.method(), path).statusCode(), operation.id());
        }
        // health checks are not API calls and stay open
        given().get("/q/health/ready").then().statusCode(200);

        Thread.sleep(500);
        try (Connection c = dataSource.getConnection();
             ResultSet r = c.createStatement().executeQuery("select bucket from rate_limit_window")) {
            int rows = 0;
            while (r.next()) {
                rows++;
                assertFalse(r.getString(1).contains("127.0.0.1"), "addresses are stored only as keyed hashes");
            }
            assertTrue(rows > 0, "the counters are in PostgreSQL");
        }
    }

    @Test
    @Order(3)
    void countsOlderThanThePreviousMinuteAreDeletedEvenWithNoTraffic() throws Exception {
        long now = Instant.now().getEpochSecond();
        long window = now - now % 60;
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("insert into rate_limit_window (bucket, window_start, hits) "
                     + "values (?, to_timestamp(?), 1)")) {
            for (long start : new long[]{window - 60, window - 120, window - 600}) {
                s.setString(1, "a:" + "0".repeat(31) + (start == window - 60 ? "1" : start == window - 120 ? "2" : "3"));
                s.setLong(2, start);
                s.executeUpdate();
            }
        }
        // no request: the next syncs (every 200 ms here) still delete what is older than the previous minute
        Thread.sleep(1000);
        try (Connection c = dataSource.getConnection();
             ResultSet r = c.createStatement().executeQuery("select extract(epoch from window_start)::bigint from rate_limit_window "
                     + "where bucket like 'a:0000000000000000000000000000000_'")) {
            List<Long> kept = new ArrayList<>();
            while (r.next()) {
                kept.add(r.getLong(1));
            }
            // the previous minute may itself have turned old if the minute changed meanwhile
            assertTrue(kept.isEmpty() || kept.equals(List.of(window - 60)), "kept windows " + kept + " (now " + window + ")");
        }
    }
}
