package org.surveillanceoversight.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.surveillanceoversight.tools.PackagedService;
import org.surveillanceoversight.tools.PostgresProcesses;
import org.surveillanceoversight.tools.ServiceLogs;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * PostgreSQL killed with SIGKILL while clients write and read the packaged service, then started
 * again: during the outage every request that needs the database gets a 503 problem document with
 * Retry-After within 2 seconds (never a 500, never a hang) and readiness is down; after it the
 * service serves again by itself within 10 seconds of PostgreSQL accepting connections; no
 * acknowledged write is lost, and a write that got an error, sent again with its Idempotency-Key,
 * is applied exactly once; the log of the run names no key, key hash or client address. The
 * measured recovery time is written to target/outage-figures.txt.
 */
public class DatabaseOutageIT {

    private static final String ADMIN_KEY = "outage-test-admin-key-0123456789abcdef";
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final PackagedService service = new PackagedService();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private int port;

    /** One request's outcome, as a client saw it; status -1 when it got no answer in time. */
    record Outcome(String kind, int status, long millis, String contentType, String retryAfter, String body,
                   String key, String title) {
    }

    @Test
    void aKilledDatabaseIsA503AndNoAcknowledgedWriteIsLost() throws Exception {
        Path data = Files.createTempDirectory("outage-pg");
        int pgPort = PackagedService.freePort();
        EmbeddedPostgres first = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
                .setRegisterShutdownHook(false).setPort(pgPort)
                // durable, as a registry's database must be (zonky's defaults lose the last commits on a crash)
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").setServerConfig("full_page_writes", "on")
                .setLocaleConfig("locale", "C.UTF-8").setLocaleConfig("encoding", "UTF8").start();
        try (Connection c = first.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database oversight");
        }
        long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        // the postmaster's own command line, to start it again on the same data and port after the kill
        List<String> postgresCommand = PostgresProcesses.commandOf(data.resolve("postmaster.opts"));

        port = PackagedService.freePort();
        Path log = data.resolveSibling(data.getFileName() + "-service.log");
        launchService(pgPort, log);
        awaitReady(log);

        // a source that patchers edit under If-Match
        String patched = create("[test] outage patch target", UUID.randomUUID().toString()).body;
        String patchedId = JSON.readTree(patched).path("id").asText();

        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(6);
        for (int i = 0; i < 3; i++) {
            int writer = i;
            load.submit(() -> {
                int n = 0;
                while (running.get()) {
                    String title = "[test] outage write " + writer + "-" + (n++) + " " + UUID.randomUUID();
                    outcomes.add(create(title, UUID.randomUUID().toString()));
                    pause(50);
                }
            });
        }
        load.submit(() -> {
            int n = 0;
            while (running.get()) {
                outcomes.add(patch(patchedId, "token-" + (n++)));
                pause(50);
            }
        });
        for (String path : List.of("/api/v1/sources?limit=5", "/api/v1/deployments?limit=5")) {
            load.submit(() -> {
                while (running.get()) {
                    outcomes.add(request("read", HttpRequest.newBuilder(uri(path)).GET(), null, null));
                    pause(50);
                }
            });
        }

        Thread.sleep(3_000);
        PostgresProcesses.killHard(postmaster);
        long killed = System.nanoTime();
        boolean readinessDown = awaitReadiness("DOWN", Duration.ofSeconds(10));
        Thread.sleep(4_000);

        Process second = new ProcessBuilder(postgresCommand).redirectErrorStream(true)
                .redirectOutput(data.resolveSibling(data.getFileName() + "-pg2.log").toFile()).start();
        service.keep(second); // stopped after the service
        long accepting = awaitPostgres(pgPort);
        long recovered = awaitServing();
        double recoverySeconds = (recovered - accepting) / 1e9;
        boolean readinessUp = awaitReadiness("UP", Duration.ofSeconds(15));
        Thread.sleep(2_000);
        running.set(false);
        load.shutdown();
        assertTrue(load.awaitTermination(30, TimeUnit.SECONDS), "the clients did not stop");

        List<Outcome> all = List.copyOf(outcomes);
        Files.writeString(Path.of("target", "outage-figures.txt"), String.format(
                "requests %d; answered 503 %d; slowest 503 %d ms; readiness down after the kill %s; "
                        + "service serving %.2f s after PostgreSQL accepted connections (%.1f s after the kill)%n",
                all.size(), all.stream().filter(o -> o.status == 503).count(),
                all.stream().filter(o -> o.status == 503).mapToLong(Outcome::millis).max().orElse(0),
                readinessDown, recoverySeconds, (recovered - killed) / 1e9));

        assertTrue(readinessDown, "readiness did not report DOWN during the outage");
        assertTrue(readinessUp, "readiness did not come back UP");
        assertTrue(recoverySeconds < 10, "the service took " + recoverySeconds + " s to serve again");
        for (Outcome o : all) {
            assertTrue(List.of(200, 201, 304, 412, 503).contains(o.status), "an answer outside the expected ones: " + o);
            if (o.status == 503) {
                assertTrue(o.contentType.startsWith("application/problem+json"), o.toString());
                assertTrue(o.retryAfter != null && Integer.parseInt(o.retryAfter) > 0, "503 without Retry-After: " + o);
                assertTrue(o.millis < 2_000, "a 503 that took " + o.millis + " ms: " + o);
            }
        }
        assertTrue(all.stream().anyMatch(o -> o.status == 503), "no request met the outage");
        assertTrue(all.stream().filter(o -> o.kind.equals("create")).anyMatch(o -> o.status == 201), "no create succeeded");

        String feed = changeFeedEntityIds();
        for (Outcome o : all) {
            if (!o.kind.equals("create")) {
                continue;
            }
            // the same request again, with its key: exactly one record, whatever the first answer was
            Outcome again = create(o.title, o.key);
            assertTrue(again.status == 201 || again.status == 200, "a retry with its Idempotency-Key failed: " + again);
            String id = JSON.readTree(again.body).path("id").asText();
            if (o.status == 201) {
                assertEquals(JSON.readTree(o.body).path("id").asText(), id, "a retry of an acknowledged create made a new record");
            }
            assertEquals(1, recordsTitled(pgPort, o.title), "one record per Idempotency-Key: " + o);
            JsonNode history = JSON.readTree(send(HttpRequest.newBuilder(uri("/api/v1/sources/" + id + "/history")).GET()).body());
            assertTrue(history.path("data").size() >= 1, "an acknowledged write without its revision: " + id);
            if (o.status == 201) {
                assertTrue(feed.contains(id), "an acknowledged write missing from the change feed: " + id);
            }
        }
        // the patched record and its history agree: the last revision holds what the record shows
        JsonNode current = JSON.readTree(send(HttpRequest.newBuilder(uri("/api/v1/sources/" + patchedId)).GET()).body());
        JsonNode revisions = JSON.readTree(send(HttpRequest.newBuilder(uri("/api/v1/sources/" + patchedId + "/history")).GET()).body());
        JsonNode last = revisions.path("data").get(revisions.path("data").size() - 1);
        assertEquals(current.path("notes").asText(), last.path("change").path("after").path("notes").asText(),
                "the record and its last revision disagree: " + last);
        for (Outcome o : all) {
            if (o.kind.equals("patch") && o.status == 200) {
                assertTrue(revisions.toString().contains(o.title), "an acknowledged patch has no revision: " + o);
            }
        }
        // a run that used a key, from one address, through an outage: its log names neither
        String serviceLog = Files.readString(log);
        assertTrue(serviceLog.contains("Database unavailable"), "the outage is logged");
        ServiceLogs.assertNamesNoKeyHashOrClientAddress(serviceLog, ADMIN_KEY, pgPort);
    }

    private static int recordsTitled(int pgPort, String title) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + pgPort + "/oversight?user=postgres");
             PreparedStatement s = c.prepareStatement("select count(*) from source where title = ?")) {
            s.setString(1, title);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private Outcome create(String title, String key) {
        String body = "{\"kind\":\"news\",\"title\":" + quote(title) + ",\"language\":\"en\",\"change_reason\":\"outage test\"}";
        return request("create", HttpRequest.newBuilder(uri("/api/v1/sources")).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)), key, title);
    }

    private Outcome patch(String id, String token) {
        Outcome read = request("read", HttpRequest.newBuilder(uri("/api/v1/sources/" + id)).GET(), null, null);
        if (read.status != 200) {
            return read;
        }
        String etag = read.retryAfter; // request() keeps the ETag of a 200 in this slot for reads
        String body = "{\"notes\":" + quote(token) + ",\"change_reason\":\"outage test patch\"}";
        return request("patch", HttpRequest.newBuilder(uri("/api/v1/sources/" + id)).header("Content-Type", "application/merge-patch+json")
                .header("If-Match", etag).method("PATCH", HttpRequest.BodyPublishers.ofString(body)), null, token);
    }

    private Outcome request(String kind, HttpRequest.Builder builder, String key, String title) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(builder.header("Authorization", "Bearer " + ADMIN_KEY).timeout(CLIENT_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            long millis = (System.nanoTime() - start) / 1_000_000;
            String contentType = r.headers().firstValue("Content-Type").orElse("");
            String second = r.statusCode() == 200 && kind.equals("read") ? r.headers().firstValue("ETag").orElse(null)
                    : r.headers().firstValue("Retry-After").orElse(null);
            return new Outcome(kind, r.statusCode(), millis, contentType, second, r.body(), key, title);
        } catch (IOException | InterruptedException e) {
            return new Outcome(kind, -1, (System.nanoTime() - start) / 1_000_000, "", null, e.toString(), key, title);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) throws IOException, InterruptedException {
        return http.send(builder.header("Authorization", "Bearer " + ADMIN_KEY).timeout(CLIENT_TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String changeFeedEntityIds() throws Exception {
        StringBuilder ids = new StringBuilder();
        String since = null;
        for (int page = 0; page < 1_000; page++) {
            JsonNode body = JSON.readTree(send(HttpRequest.newBuilder(uri("/api/v1/changes?limit=500&entity_type=source"
                    + (since == null ? "" : "&since=" + since))).GET()).body());
            for (JsonNode revision : body.path("data")) {
                ids.append(revision.path("entity_id").asText()).append(' ');
            }
            if (body.path("data").isEmpty()) {
                return ids.toString();
            }
            since = body.path("next_cursor").asText();
        }
        return ids.toString();
    }

    private static long awaitPostgres(int pgPort) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + pgPort + "/oversight?user=postgres")) {
                return System.nanoTime();
            } catch (SQLException notYet) {
                Thread.sleep(20);
            }
        }
        throw new AssertionError("PostgreSQL did not come back");
    }

    private long awaitServing() throws InterruptedException {
        for (int i = 0; i < 1_500; i++) {
            Outcome o = request("read", HttpRequest.newBuilder(uri("/api/v1/sources?limit=1")).GET(), null, null);
            if (o.status == 200) {
                return System.nanoTime();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the service did not serve again within 30 s");
    }

    private boolean awaitReadiness(String state, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            Outcome o = request("health", HttpRequest.newBuilder(uri("/q/health/ready")).GET(), null, null);
            if (o.body != null && o.body.contains("\"status\": \"" + state + "\"") || o.body != null && o.body.contains("\"status\":\"" + state + "\"")) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private void launchService(int pgPort, Path log) throws IOException {
        service.start(port, Map.of("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:" + pgPort + "/oversight",
                "QUARKUS_DATASOURCE_USERNAME", "postgres", "QUARKUS_DATASOURCE_PASSWORD", "postgres",
                "OVERSIGHT_BOOTSTRAP_ADMIN_KEY", ADMIN_KEY, "OVERSIGHT_RATE_LIMIT_ENABLED", "false"), log);
    }

    private void awaitReady(Path log) throws Exception {
        for (int i = 0; i < 360; i++) {
            if (service.processes().stream().noneMatch(Process::isAlive)) {
                fail("the service exited: " + Files.readString(log));
            }
            Outcome o = request("health", HttpRequest.newBuilder(uri("/q/health/ready")).GET(), null, null);
            if (o.status == 200) {
                return;
            }
            Thread.sleep(250);
        }
        fail("not ready in time: " + Files.readString(log));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
