package org.surveillanceoversight.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.surveillanceoversight.tools.ExternalTools;
import org.surveillanceoversight.tools.PackagedService;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * pg_dump of a running service's database, restored into a fresh database with pg_restore: a
 * second service on the restore serves the same documents with the same ETags, accepts the same
 * API keys, and its change feed goes on from the cursor a client held before the backup.
 */
public class BackupRestoreIT {

    private static final String ADMIN_KEY = "backup-test-admin-key-0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    final PackagedService service = new PackagedService();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void aDumpRestoredIntoAFreshDatabaseServesTheSameRecordsKeysAndFeed() throws Exception {
        ExternalTools.require("pg_dump", "PostgreSQL's client tools");
        ExternalTools.require("pg_restore", "PostgreSQL's client tools");
        EmbeddedPostgres postgres = service.postgres("oversight", "restored");
        int pgPort = postgres.getPort();
        int first = PackagedService.freePort();
        launch(first, pgPort, "oversight");
        awaitReady(first);

        // an editor key, a new source and an edit to it: records, keys and history the backup must keep
        String editorKey = JSON.readTree(send(first, "POST", "/api/v1/api-keys", ADMIN_KEY, "application/json",
                "{\"name\":\"backup editor\",\"role\":\"editor\"}").body()).path("secret").asText();
        HttpResponse<String> created = send(first, "POST", "/api/v1/sources", editorKey, "application/json",
                "{\"kind\":\"news\",\"title\":\"[test] kept by the backup\",\"language\":\"en\",\"change_reason\":\"backup test\"}");
        assertEquals(201, created.statusCode(), created.body());
        String sourceId = JSON.readTree(created.body()).path("id").asText();
        HttpResponse<String> patched = http.send(request(first, "/api/v1/sources/" + sourceId, editorKey)
                .header("Content-Type", "application/merge-patch+json").header("If-Match", created.headers().firstValue("ETag").orElseThrow())
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"notes\":\"edited before the backup\",\"change_reason\":\"backup test\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, patched.statusCode(), patched.body());
        List<String> paths = List.of("/api/v1/sources/" + sourceId, "/api/v1/deployments/ae6e39b3-4adf-3b82-b620-65fd40413d07",
                "/api/v1/vendors/a5f2fc4f-a6a6-3318-b965-88f31b1e803a", "/api/v1/sources/" + sourceId + "/history");
        Map<String, HttpResponse<String>> before = read(first, paths);
        String cursor = feedEnd(first);

        Path dump = Files.createTempFile("oversight", ".dump");
        run(List.of("pg_dump", "--format=custom", "--host=localhost", "--port=" + pgPort, "--username=postgres",
                "--file=" + dump, "oversight"));
        run(List.of("pg_restore", "--host=localhost", "--port=" + pgPort, "--username=postgres", "--dbname=restored",
                "--no-owner", dump.toString()));

        int second = PackagedService.freePort();
        launch(second, pgPort, "restored");
        awaitReady(second);
        Map<String, HttpResponse<String>> after = read(second, paths);
        for (String path : paths) {
            assertEquals(before.get(path).statusCode(), after.get(path).statusCode(), path);
            assertEquals(JSON.readTree(before.get(path).body()), JSON.readTree(after.get(path).body()), "the same document at " + path);
            if (!path.endsWith("/history")) {
                // a record's strong tag names its revision; a list's weak tag also hashes the request's host and port
                assertEquals(before.get(path).headers().firstValue("ETag"), after.get(path).headers().firstValue("ETag"),
                        "the same ETag at " + path);
            }
        }
        // the key made before the backup works on the restore, and the feed goes on from the client's cursor
        JsonNode unchanged = JSON.readTree(send(second, "GET", "/api/v1/changes?since=" + cursor, null, null, null).body());
        assertEquals(0, unchanged.path("data").size(), "nothing new since the cursor held before the backup");
        HttpResponse<String> afterRestore = send(second, "POST", "/api/v1/sources", editorKey, "application/json",
                "{\"kind\":\"news\",\"title\":\"[test] written after the restore\",\"language\":\"en\",\"change_reason\":\"backup test\"}");
        assertEquals(201, afterRestore.statusCode(), afterRestore.body());
        JsonNode next = JSON.readTree(send(second, "GET", "/api/v1/changes?since=" + cursor, null, null, null).body());
        assertEquals(1, next.path("data").size(), "the feed continues from the same cursor: " + next);
        assertEquals(JSON.readTree(afterRestore.body()).path("id").asText(), next.path("data").get(0).path("entity_id").asText());
        Files.deleteIfExists(dump);
    }

    private Map<String, HttpResponse<String>> read(int port, List<String> paths) throws Exception {
        Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
        for (String path : paths) {
            answers.put(path, send(port, "GET", path, null, null, null));
        }
        return answers;
    }

    private String feedEnd(int port) throws Exception {
        String since = null;
        for (int page = 0; page < 10_000; page++) {
            JsonNode body = JSON.readTree(send(port, "GET", "/api/v1/changes?limit=500" + (since == null ? "" : "&since=" + since),
                    null, null, null).body());
            since = body.path("next_cursor").asText();
            if (body.path("data").isEmpty()) {
                return since;
            }
        }
        throw new AssertionError("the change feed did not end");
    }

    private HttpRequest.Builder request(int port, String path, String key) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30));
        return key == null ? b : b.header("Authorization", "Bearer " + key);
    }

    private HttpResponse<String> send(int port, String method, String path, String key, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = request(port, path, key);
        if (contentType != null) {
            b.header("Content-Type", contentType).header("Idempotency-Key", UUID.randomUUID().toString());
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + command);
        assertEquals(0, p.exitValue(), command + ": " + output);
    }

    private void launch(int port, int pgPort, String database) throws IOException {
        service.start(port, Map.of("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:" + pgPort + "/" + database,
                "QUARKUS_DATASOURCE_USERNAME", "postgres", "QUARKUS_DATASOURCE_PASSWORD", "postgres",
                "OVERSIGHT_BOOTSTRAP_ADMIN_KEY", ADMIN_KEY, "OVERSIGHT_RATE_LIMIT_ENABLED", "false"),
                Files.createTempFile("backup-service-" + database, ".log"));
    }

    private void awaitReady(int port) throws Exception {
        for (int i = 0; i < 360; i++) {
            try {
                if (send(port, "GET", "/q/health/ready", null, null, null).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        fail("the service on port " + port + " was not ready in time");
    }
}
