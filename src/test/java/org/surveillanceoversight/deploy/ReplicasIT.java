package org.surveillanceoversight.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.surveillanceoversight.tools.PackagedService;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Several replicas, proven on one machine: two instances of the packaged service on their own
 * loopback ports and one PostgreSQL. Started at the same moment on an empty database, they
 * migrate and seed it once. A write through one is read through the other at once (document,
 * ETag, list, stats and change feed agree: no stale cache); an Idempotency-Key holds across both,
 * also when the same create reaches both at the same moment; and a key's rate limit, counted by
 * both, holds within 10% of the limit.
 */
class ReplicasIT {

    private static final String ADMIN_KEY = "replicas-test-admin-key-0123456789abcdef";
    private static final int PER_KEY = 200;
    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    final PackagedService service = new PackagedService();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private EmbeddedPostgres postgres;

    @Test
    void twoReplicasOnOneDatabaseShareEverything() throws Exception {
        postgres = service.postgres("oversight", "baseline");
        int a = PackagedService.freePort();
        int b = PackagedService.freePort();
        int alone = PackagedService.freePort();
        // both at the same moment, on the empty database; and a third, alone on a database of its own,
        // to show what migrating and seeding once looks like
        launch(a, "oversight");
        launch(b, "oversight");
        launch(alone, "baseline");
        awaitReady(a);
        awaitReady(b);
        awaitReady(alone);
        migratedAndSeededOnce();

        String editor = JSON.readTree(send(a, "POST", "/api/v1/api-keys", ADMIN_KEY, "application/json",
                "{\"name\":\"replicas editor\",\"role\":\"editor\"}", Map.of()).body()).path("secret").asText();
        aWriteThroughOneIsReadThroughTheOtherAtOnce(a, b, editor);
        anIdempotencyKeyHoldsAcrossBoth(a, b, editor);
        theRateLimitHoldsAcrossBoth(a, b);
    }

    private void migratedAndSeededOnce() throws Exception {
        try (Connection c = postgres.getDatabase("postgres", "oversight").getConnection(); Statement s = c.createStatement();
             Connection base = postgres.getDatabase("postgres", "baseline").getConnection(); Statement alone = base.createStatement()) {
            long migrations;
            try (var files = Files.list(Path.of("src", "main", "resources", "db", "migration"))) {
                migrations = files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
            }
            assertEquals(migrations, count(s, "select count(*) from flyway_schema_history where success and version is not null"),
                    "every migration applied once");
            assertEquals(0, count(s, "select count(*) from (select version from flyway_schema_history group by version "
                    + "having count(*) > 1) twice"));
            // the seed's records and revisions (their IDs come from the seed's keys) are exactly those of one instance alone
            String seeded = "select entity_type || ' ' || entity_id || ' ' || reason || ' x' || count(*) from revision "
                    + "where actor = 'seed' group by entity_type, entity_id, reason order by 1";
            List<String> together = rows(s, seeded);
            assertTrue(together.size() > 100, together.size() + " seed revisions");
            assertEquals(rows(alone, seeded), together, "two replicas seeded exactly as one does");
            for (String table : List.of("deployment", "source", "vendor", "locality", "seed_file", "api_key")) {
                assertEquals(rows(alone, "select count(*) from " + table), rows(s, "select count(*) from " + table), table);
            }
        }
    }

    private static List<String> rows(Statement s, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                rows.add(r.getString(1));
            }
        }
        return rows;
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private void aWriteThroughOneIsReadThroughTheOtherAtOnce(int a, int b, String editor) throws Exception {
        // B has read (and cached) the deployment before the write
        String deploymentPath = "/api/v1/deployments/" + firstDeploymentId(b);
        HttpResponse<String> before = send(b, "GET", deploymentPath, null, null, null, Map.of());
        String cursor = feedEnd(b);
        String statsTag = send(b, "GET", "/api/v1/stats/by-country", null, null, null, Map.of()).headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> patched = send(a, "PATCH", deploymentPath, editor, "application/merge-patch+json",
                "{\"summary\":\"[test] written through replica A\",\"change_reason\":\"replicas test\"}",
                Map.of("If-Match", before.headers().firstValue("ETag").orElseThrow()));
        assertEquals(200, patched.statusCode(), patched.body());
        HttpResponse<String> afterB = send(b, "GET", deploymentPath, null, null, null, Map.of());
        assertEquals(patched.headers().firstValue("ETag"), afterB.headers().firstValue("ETag"), "B serves A's revision at once");
        assertEquals("[test] written through replica A", JSON.readTree(afterB.body()).path("summary").asText());
        assertEquals(JSON.readTree(send(a, "GET", deploymentPath, null, null, null, Map.of()).body()), JSON.readTree(afterB.body()));
        HttpResponse<String> revalidated = send(b, "GET", deploymentPath, null, null, null,
                Map.of("If-None-Match", before.headers().firstValue("ETag").orElseThrow()));
        assertEquals(200, revalidated.statusCode(), "the old tag no longer matches on B");

        String title = "[test] created through A " + UUID.randomUUID();
        HttpResponse<String> created = send(a, "POST", "/api/v1/sources", editor, "application/json", source(title), Map.of());
        assertEquals(201, created.statusCode(), created.body());
        String sourcePath = URI.create(created.headers().firstValue("Location").orElseThrow()).getPath();
        HttpResponse<String> onB = send(b, "GET", sourcePath, null, null, null, Map.of());
        assertEquals(200, onB.statusCode());
        assertEquals(created.headers().firstValue("ETag"), onB.headers().firstValue("ETag"));
        JsonNode listed = JSON.readTree(send(b, "GET", "/api/v1/sources?q=" + URLEncoder.encode(title, StandardCharsets.UTF_8), null, null, null, Map.of()).body());
        assertEquals(1, listed.path("data").size(), "B's list shows it");

        // a new deployment in a country with none yet moves B's stats at once
        String sourceId = JSON.readTree(created.body()).path("id").asText();
        HttpResponse<String> deployment = send(a, "POST", "/api/v1/deployments", editor, "application/json",
                "{\"title\":\"[test] replicas deployment\",\"program_type\":\"other\",\"country\":\"AD\",\"confidence\":\"low\","
                        + "\"citations\":[{\"source_id\":\"" + sourceId + "\",\"quote\":\"[test]\"}],\"change_reason\":\"replicas test\"}", Map.of());
        assertEquals(201, deployment.statusCode(), deployment.body());
        HttpResponse<String> stats = send(b, "GET", "/api/v1/stats/by-country?country=AD", null, null, null, Map.of());
        assertEquals(1, JSON.readTree(stats.body()).path("data").path(0).path("deployments").asInt(), stats.body());
        assertNotEquals(statsTag, send(b, "GET", "/api/v1/stats/by-country", null, null, null, Map.of()).headers().firstValue("ETag").orElseThrow());

        // B's change feed, from the cursor it gave before, holds the three writes made through A
        JsonNode feed = JSON.readTree(send(b, "GET", "/api/v1/changes?since=" + cursor, null, null, null, Map.of()).body());
        List<String> changed = new ArrayList<>();
        feed.path("data").forEach(r -> changed.add(r.path("entity_type").asText() + " " + r.path("entity_id").asText()));
        assertTrue(changed.contains("deployment " + deploymentPath.substring(deploymentPath.lastIndexOf('/') + 1)), changed.toString());
        assertTrue(changed.contains("source " + sourceId), changed.toString());
        assertTrue(changed.contains("deployment " + JSON.readTree(deployment.body()).path("id").asText()), changed.toString());
    }

    private void anIdempotencyKeyHoldsAcrossBoth(int a, int b, String editor) throws Exception {
        String key = UUID.randomUUID().toString();
        String title = "[test] idempotent across replicas " + UUID.randomUUID();
        HttpResponse<String> first = send(a, "POST", "/api/v1/sources", editor, "application/json", source(title), Map.of("Idempotency-Key", key));
        HttpResponse<String> retry = send(b, "POST", "/api/v1/sources", editor, "application/json", source(title), Map.of("Idempotency-Key", key));
        assertEquals(201, first.statusCode(), first.body());
        assertEquals(201, retry.statusCode(), retry.body());
        assertEquals(first.headers().firstValue("Location"), retry.headers().firstValue("Location"));
        assertEquals(first.body(), retry.body());

        // the same create reaching both replicas at the same moment, ten times: one record each time
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 10; i++) {
                String raceKey = UUID.randomUUID().toString();
                String raceTitle = "[test] raced across replicas " + UUID.randomUUID();
                List<Future<HttpResponse<String>>> both = new ArrayList<>();
                for (int port : new int[]{a, b}) {
                    both.add(pool.submit(() -> send(port, "POST", "/api/v1/sources", editor, "application/json", source(raceTitle),
                            Map.of("Idempotency-Key", raceKey))));
                }
                HttpResponse<String> one = both.get(0).get();
                HttpResponse<String> other = both.get(1).get();
                assertEquals(201, one.statusCode(), one.body());
                assertEquals(201, other.statusCode(), other.body());
                assertEquals(one.headers().firstValue("Location"), other.headers().firstValue("Location"));
                JsonNode listed = JSON.readTree(send(a, "GET", "/api/v1/sources?q=" + URLEncoder.encode(raceTitle, StandardCharsets.UTF_8), null, null, null, Map.of()).body());
                assertEquals(1, listed.path("data").size(), "one record for the raced key");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void theRateLimitHoldsAcrossBoth(int a, int b) throws Exception {
        // a key of its own, away from the minute's edge, at an even pace through both replicas
        String key = JSON.readTree(send(a, "POST", "/api/v1/api-keys", ADMIN_KEY, "application/json",
                "{\"name\":\"replicas rate limit\",\"role\":\"editor\"}", Map.of()).body()).path("secret").asText();
        while (Instant.now().getEpochSecond() % 60 > 20) {
            Thread.sleep(250);
        }
        long window = Instant.now().getEpochSecond() / 60;
        int allowed = 0;
        int refused = 0;
        for (int i = 0; i < PER_KEY * 2 && Instant.now().getEpochSecond() / 60 == window; i++) {
            int status = send(i % 2 == 0 ? a : b, "GET", "/api/v1/api-keys/me", key, null, null, Map.of()).statusCode();
            if (status == 200) {
                allowed++;
            } else if (status == 429) {
                refused++;
            } else {
                fail("status " + status);
            }
            Thread.sleep(20);
        }
        assertEquals(window, Instant.now().getEpochSecond() / 60, "the run stayed in one minute");
        Files.writeString(Path.of("target", "replicas-figures.txt"), "rate limit of " + PER_KEY + " a minute for one key, requests "
                + "alternating between two replicas (counters synced every 200 ms): " + allowed + " allowed, " + refused + " refused\n");
        assertTrue(allowed >= PER_KEY && allowed <= PER_KEY * 1.1,
                "allowed " + allowed + " of a limit of " + PER_KEY + " across two replicas (" + refused + " refused)");
        assertTrue(refused > 0);
    }

    private static String source(String title) {
        return "{\"kind\":\"news\",\"title\":\"" + title + "\",\"language\":\"en\",\"change_reason\":\"replicas test\"}";
    }

    private String firstDeploymentId(int port) throws Exception {
        return JSON.readTree(send(port, "GET", "/api/v1/deployments?limit=1", null, null, null, Map.of()).body())
                .path("data").path(0).path("id").asText();
    }

    private String feedEnd(int port) throws Exception {
        String cursor = "";
        while (true) {
            JsonNode page = JSON.readTree(send(port, "GET", "/api/v1/changes?limit=1000" + (cursor.isEmpty() ? "" : "&since=" + cursor),
                    null, null, null, Map.of()).body());
            cursor = page.path("next_cursor").asText();
            if (page.path("data").size() < 1000) {
                return cursor;
            }
        }
    }

    private void launch(int port, String database) throws IOException {
        Map<String, String> environment = new HashMap<>(Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database,
                "QUARKUS_DATASOURCE_USERNAME", "postgres", "QUARKUS_DATASOURCE_PASSWORD", "postgres",
                "OVERSIGHT_BOOTSTRAP_ADMIN_KEY", ADMIN_KEY,
                "OVERSIGHT_RATE_LIMIT_PER_KEY", String.valueOf(PER_KEY), "OVERSIGHT_RATE_LIMIT_PER_ADDRESS", "100000",
                "OVERSIGHT_RATE_LIMIT_SYNC_EVERY", "200ms"));
        service.start(port, environment, Files.createTempFile("replica-" + port, ".log"));
    }

    private void awaitReady(int port) throws Exception {
        for (int i = 0; i < 1200; i++) { // five minutes: three JVMs start, migrate and seed at once on two cores
            try {
                if (send(port, "GET", "/q/health/ready", null, null, null, Map.of()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        fail("the replica on port " + port + " was not ready in time");
    }

    private HttpResponse<String> send(int port, String method, String path, String key, String contentType, String body,
                                      Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
