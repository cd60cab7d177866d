package org.surveillanceoversight.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.surveillanceoversight.tools.PackagedService;
import org.surveillanceoversight.tools.ServiceLogs;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The packaged service as it runs in production (prod profile): a SIGTERM (a rolling update, a
 * scale-down) lets a request in flight finish and answer before the process exits, and the write
 * it made is there; the log is one JSON object per line, the write's line names the request id the
 * client got, and no line names the key, its hash or the client's address.
 */
class ShutdownIT {

    private static final String ADMIN_KEY = "shutdown-test-admin-key-0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    final PackagedService service = new PackagedService();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void aRequestInFlightFinishesAfterSigterm() throws Exception {
        EmbeddedPostgres postgres = service.postgres("oversight");
        int port = PackagedService.freePort();
        Path log = Files.createTempFile("shutdown-service", ".log");
        Process process = service.start(port, Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:" + postgres.getPort() + "/oversight",
                "QUARKUS_DATASOURCE_USERNAME", "postgres", "QUARKUS_DATASOURCE_PASSWORD", "postgres",
                "OVERSIGHT_BOOTSTRAP_ADMIN_KEY", ADMIN_KEY), log);
        awaitReady(process, port, log);

        String title = "[test] written while the service stops";
        try (Connection lock = postgres.getDatabase("postgres", "oversight").getConnection(); Statement s = lock.createStatement()) {
            // another session holds the source table: the create below waits for it inside its transaction
            lock.setAutoCommit(false);
            s.execute("lock table source in share mode");
            CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/api/v1/sources"))
                    .header("Authorization", "Bearer " + ADMIN_KEY).header("Content-Type", "application/json")
                    .header("X-Request-Id", "shutdown-it-create-1")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"" + title + "\",\"url\":\"https://example.org/"
                            + "shutdown\",\"publisher\":\"Test Wire\",\"kind\":\"news\",\"language\":\"en\","
                            + "\"change_reason\":\"shutdown test\"}")).build(), HttpResponse.BodyHandlers.ofString());
            awaitWaitingForLock(s, inFlight);

            process.destroy(); // SIGTERM
            Thread.sleep(2000);
            assertTrue(process.isAlive(), "the service waits for the request in flight");
            assertFalse(inFlight.isDone(), "the request is still waiting for the lock");
            lock.rollback(); // the lock goes: the create goes on

            HttpResponse<String> answer = inFlight.get(20, TimeUnit.SECONDS);
            assertEquals(201, answer.statusCode(), answer.body());
            assertEquals("shutdown-it-create-1", answer.headers().firstValue("X-Request-Id").orElseThrow());
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the service exits once the request is answered");
            String id = JSON.readTree(answer.body()).path("id").asText();
            try (ResultSet r = s.executeQuery("select title from source where id = '" + id + "'")) {
                assertTrue(r.next(), "the acknowledged write is in the database");
                assertEquals(title, r.getString(1));
            }

            List<JsonNode> lines = new ArrayList<>();
            for (String line : Files.readAllLines(log)) {
                try {
                    lines.add(JSON.readTree(line));
                } catch (Exception e) {
                    fail("a log line that is not JSON: " + line);
                }
            }
            JsonNode written = lines.stream().filter(l -> l.path("message").asText().contains(id)).findFirst()
                    .orElseThrow(() -> new AssertionError("no log line names the write " + id));
            assertEquals("shutdown-it-create-1", written.path("mdc").path("request_id").asText(), written.toString());
            assertTrue(lines.stream().anyMatch(l -> l.path("message").asText().contains("stopped")), "the stop is logged");
            ServiceLogs.assertNamesNoKeyHashOrClientAddress(Files.readString(log), ADMIN_KEY, postgres.getPort());
        }
    }

    private static void awaitWaitingForLock(Statement s, CompletableFuture<HttpResponse<String>> request) throws Exception {
        for (int i = 0; i < 100; i++) {
            try (ResultSet r = s.executeQuery("select count(*) from pg_stat_activity where wait_event_type = 'Lock' "
                    + "and pid <> pg_backend_pid()")) {
                r.next();
                if (r.getLong(1) > 0) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        List<String> activity = new ArrayList<>();
        try (ResultSet r = s.executeQuery("select wait_event_type || ' ' || wait_event || ' ' || query from pg_stat_activity "
                + "where datname = 'oversight'")) {
            while (r.next()) {
                activity.add(r.getString(1));
            }
        }
        fail("the create never waited for the lock: " + (request.isDone() ? request.get().body() : "in flight") + " " + activity);
    }

    private void awaitReady(Process process, int port, Path log) throws Exception {
        for (int i = 0; i < 480; i++) {
            if (!process.isAlive()) {
                fail("the service exited: " + Files.readString(log));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        fail("not ready in time: " + Files.readString(log));
    }
}
