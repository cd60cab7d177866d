package org.surveillanceoversight.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.surveillanceoversight.tools.PackagedService;
import org.surveillanceoversight.tools.PostgresProcesses;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A read replica, with a real primary and a real streaming standby made from it (a base backup with
 * pg_backup_start and pg_backup_stop, as ../shared/TOOLING.md describes). The packaged service gets
 * the primary as a multi-host URL with targetServerType=primary and the standby as its replica URL.
 * With the standby's replay paused (a lagging replica): reads come from it (they show the old
 * revision after a write), a write answers with what it wrote, a write with the replica's stale
 * ETag is a 412, and a key made a moment ago works at once. With the primary down: reads go on,
 * writes answer 503 problem+json, readiness stays up. Then a planned switchover while a client
 * writes (the primary stopped cleanly, the standby promoted): the service writes to the new primary
 * without a restart, reads go on on both the JDBC and the reactive paths, and every acknowledged
 * write is on the new primary.
 */
class ReadReplicaIT {

    private static final String ADMIN_KEY = "read-replica-test-admin-key-0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    final PackagedService service = new PackagedService();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private EmbeddedPostgres zonky;
    private int port;
    private int portB;

    @Test
    void readsFromTheReplicaWritesToThePrimaryThroughOutageAndSwitchover() throws Exception {
        Path primaryData = Files.createTempDirectory("replica-it-primary");
        Path standbyData = primaryData.resolveSibling(primaryData.getFileName() + "-standby");
        int primaryPort = PackagedService.freePort();
        int standbyPort = PackagedService.freePort();
        zonky = service.closeAfterwards(EmbeddedPostgres.builder().setDataDirectory(primaryData).setCleanDataDirectory(false)
                .setRegisterShutdownHook(false).setPort(primaryPort)
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").setServerConfig("full_page_writes", "on")
                .setServerConfig("wal_level", "replica").setServerConfig("max_wal_senders", "4").setServerConfig("wal_keep_size", "512MB")
                .setLocaleConfig("locale", "C.UTF-8").setLocaleConfig("encoding", "UTF8").start());
        try (Connection c = zonky.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database oversight");
        }
        List<String> primaryCommand = PostgresProcesses.commandOf(primaryData.resolve("postmaster.opts"));
        startStandby(primaryData, standbyData, primaryPort, standbyPort, primaryCommand);

        port = PackagedService.freePort();
        Path log = Files.createTempFile("read-replica-service", ".log");
        Process a = service.start(port, Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + primaryPort + ",127.0.0.1:" + standbyPort
                        + "/oversight?targetServerType=primary",
                "QUARKUS_DATASOURCE_REPLICA_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + standbyPort + "/oversight",
                "QUARKUS_DATASOURCE_REPLICA_USERNAME", "postgres", "QUARKUS_DATASOURCE_REPLICA_PASSWORD", "postgres",
                "QUARKUS_DATASOURCE_USERNAME", "postgres", "QUARKUS_DATASOURCE_PASSWORD", "postgres",
                "OVERSIGHT_BOOTSTRAP_ADMIN_KEY", ADMIN_KEY, "OVERSIGHT_RATE_LIMIT_ENABLED", "false"), log);
        // B: the same primary URL and no replica, so its reactive reads must find the primary among the two hosts themselves
        portB = PackagedService.freePort();
        Path logB = Files.createTempFile("read-replica-service-b", ".log");
        Process b = service.start(portB, Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + primaryPort + ",127.0.0.1:" + standbyPort
                        + "/oversight?targetServerType=primary",
                "QUARKUS_DATASOURCE_USERNAME", "postgres", "QUARKUS_DATASOURCE_PASSWORD", "postgres",
                "OVERSIGHT_BOOTSTRAP_ADMIN_KEY", ADMIN_KEY, "OVERSIGHT_RATE_LIMIT_ENABLED", "false"), logB);
        awaitReady(a, port, log);
        awaitReady(b, portB, logB);
        // the seed reaches the replica by streaming
        String deployment = await("the seed on the replica", () -> {
            JsonNode page = JSON.readTree(get("/api/v1/deployments?limit=1").body());
            return page.path("data").size() == 1 ? page.path("data").path(0).path("id").asText() : null;
        });
        String source = JSON.readTree(get("/api/v1/sources?limit=1").body()).path("data").path(0).path("id").asText();

        aLaggingReplicaServesReadsAndNoWriteIsLost(standbyPort, deployment, source);
        readsGoOnWhileThePrimaryIsDown(primaryData, deployment, source);
        // the primary back (after a crash, as in an outage), then the planned switchover
        service.keep(new ProcessBuilder(primaryCommand).redirectErrorStream(true)
                .redirectOutput(primaryData.resolveSibling(primaryData.getFileName() + "-restarted.log").toFile()).start());
        await("writes after the primary came back", () -> create("[test] after the outage", UUID.randomUUID().toString()).statusCode() == 201 ? "" : null);
        switchover(primaryData, standbyPort, deployment, source);
    }

    private void aLaggingReplicaServesReadsAndNoWriteIsLost(int standbyPort, String deployment, String source) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + standbyPort + "/oversight?user=postgres");
             Statement s = c.createStatement()) {
            s.execute("select pg_wal_replay_pause()");
            try {
                // a key made just now is checked against the primary: it works before the replica has it
                String editor = JSON.readTree(send("POST", "/api/v1/api-keys", ADMIN_KEY, "application/json",
                        "{\"name\":\"replica editor\",\"role\":\"editor\"}", Map.of()).body()).path("secret").asText();
                assertEquals(200, send("GET", "/api/v1/api-keys/me", editor, null, null, Map.of()).statusCode(),
                        "a new key works at once");

                for (String path : List.of("/api/v1/deployments/" + deployment, "/api/v1/sources/" + source)) {
                    HttpResponse<String> before = get(path); // deployments: the reactive path; sources: Hibernate's
                    String readTag = before.headers().firstValue("ETag").orElseThrow();
                    String field = path.contains("deployments") ? "summary" : "publisher";
                    String value = "[test] written while the replica lags " + UUID.randomUUID();
                    HttpResponse<String> written = send("PATCH", path, editor, "application/merge-patch+json",
                            "{\"" + field + "\":\"" + value + "\",\"change_reason\":\"read replica test\"}", Map.of("If-Match", readTag));
                    assertEquals(200, written.statusCode(), written.body());
                    assertEquals(value, JSON.readTree(written.body()).path(field).asText(), "the answer to a write shows the write");
                    String writtenTag = written.headers().firstValue("ETag").orElseThrow();
                    assertNotEquals(readTag, writtenTag);

                    HttpResponse<String> lagging = get(path);
                    assertEquals(readTag, lagging.headers().firstValue("ETag").orElseThrow(), path + " is read from the (paused) replica");
                    assertNotEquals(value, JSON.readTree(lagging.body()).path(field).asText());

                    HttpResponse<String> stale = send("PATCH", path, editor, "application/merge-patch+json",
                            "{\"" + field + "\":\"[test] a lost update\",\"change_reason\":\"read replica test\"}", Map.of("If-Match", readTag));
                    assertEquals(412, stale.statusCode(), "a write with the lagging replica's ETag: " + stale.body());
                    assertTrue(stale.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
                    // B has no replica: it reads from the primary, found among the URL's two hosts, so it shows the write
                    HttpResponse<String> onB = send(portB, "GET", path, null, null, null, Map.of());
                    assertEquals(writtenTag, onB.headers().firstValue("ETag").orElseThrow(), path + " on B (primary only)");
                }
            } finally {
                s.execute("select pg_wal_replay_resume()");
            }
        }
        await("the replica caught up", () -> JSON.readTree(get("/api/v1/sources/" + source).body()).path("publisher").asText()
                .startsWith("[test] written while the replica lags") ? "" : null);
    }

    private void readsGoOnWhileThePrimaryIsDown(Path primaryData, String deployment, String source) throws Exception {
        PostgresProcesses.killHard(PostgresProcesses.postmaster(primaryData));
        zonky = null; // its server is gone; the test starts it again itself
        for (String path : List.of("/api/v1/deployments/" + deployment, "/api/v1/deployments?limit=5&country=KG",
                "/api/v1/sources/" + source, "/api/v1/sources?limit=5", "/api/v1/stats/by-country", "/api/v1/changes?limit=5",
                "/api/v1/exports/deployments?format=csv", "/api/v1/exports/deployments?format=ndjson",
                "/api/v1/deployments/" + deployment + "?as_of=" + java.time.Instant.now())) {
            HttpResponse<String> read = get(path);
            assertEquals(200, read.statusCode(), path + " while the primary is down: " + read.body());
        }
        HttpResponse<String> write = create("[test] while the primary is down", UUID.randomUUID().toString());
        assertEquals(503, write.statusCode(), write.body());
        assertTrue(write.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(write.headers().firstValue("Retry-After").isPresent());
        HttpResponse<String> ready = get("/q/health/ready");
        assertEquals(200, ready.statusCode(), "ready while reads can be served: " + ready.body());
        assertTrue(ready.body().contains("reads only"), ready.body());
    }

    private void switchover(Path primaryData, int standbyPort, String deployment, String source) throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicLong firstAfterPromotion = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong promoted = new java.util.concurrent.atomic.AtomicLong(Long.MAX_VALUE);
        List<String> unanswered = new ArrayList<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        writer.submit(() -> {
            int n = 0;
            while (writing.get()) {
                String title = "[test] switchover write " + (n++) + " " + UUID.randomUUID();
                String key = UUID.randomUUID().toString();
                boolean done = false;
                for (int attempt = 0; attempt < 200 && !done; attempt++) { // the same Idempotency-Key until it is answered
                    try {
                        HttpResponse<String> r = create(title, key);
                        if (r.statusCode() == 201) {
                            acknowledged.add(JSON.readTree(r.body()).path("id").asText());
                            if (System.nanoTime() > promoted.get()) {
                                firstAfterPromotion.compareAndSet(0, System.nanoTime());
                            }
                            done = true;
                        } else {
                            assertEquals(503, r.statusCode(), "a write during the switchover is refused with a 503, nothing else: " + r.body());
                            refused.incrementAndGet();
                            Thread.sleep(100);
                        }
                    } catch (Exception e) {
                        pause();
                    }
                }
                if (!done) {
                    synchronized (unanswered) {
                        unanswered.add(title);
                    }
                }
            }
            return null;
        });
        Thread.sleep(2_000);
        long stopping = System.nanoTime();
        PostgresProcesses.stopCleanly(PostgresProcesses.postmaster(primaryData));
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + standbyPort + "/oversight?user=postgres");
             Statement s = c.createStatement(); ResultSet r = s.executeQuery("select pg_promote(true, 60)")) {
            r.next();
            assertTrue(r.getBoolean(1), "the standby was promoted");
            promoted.set(System.nanoTime());
        }
        int before = acknowledged.size();
        await("writes on the new primary", () -> acknowledged.size() >= before + 5 ? "" : null);
        writing.set(false);
        writer.shutdown();
        assertTrue(writer.awaitTermination(60, TimeUnit.SECONDS));
        assertTrue(unanswered.isEmpty(), "creates never answered: " + unanswered);

        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + standbyPort + "/oversight?user=postgres");
             PreparedStatement s = c.prepareStatement("select count(*) from source where id = any(?)")) {
            s.setArray(1, c.createArrayOf("uuid", acknowledged.toArray()));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                assertEquals(acknowledged.size(), r.getInt(1), "every acknowledged write is on the new primary");
            }
        }
        assertTrue(acknowledged.size() > 10, acknowledged.size() + " writes");
        Files.writeString(Path.of("target", "read-replica-figures.txt"), String.format("switchover: %d creates acknowledged, all on the "
                        + "new primary; %d answers 503 meanwhile (each retried with its Idempotency-Key); primary stopped and standby "
                        + "promoted in %.2f s; first write on the new primary %.2f s after the promotion%n", acknowledged.size(),
                refused.get(), (promoted.get() - stopping) / 1e9, (firstAfterPromotion.get() - promoted.get()) / 1e9));
        // both read paths go on after the switchover, without a restart
        for (String path : List.of("/api/v1/deployments/" + deployment, "/api/v1/deployments?limit=5", "/api/v1/sources/" + source)) {
            assertEquals(200, get(path).statusCode(), path);
        }
        HttpResponse<String> ready = get("/q/health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("reads and writes"), ready.body());
        // B, never restarted, writes to and reads from the new primary on both paths
        await("B writes to the new primary", () -> send(portB, "POST", "/api/v1/sources", ADMIN_KEY, "application/json",
                "{\"kind\":\"news\",\"title\":\"[test] through B after the switchover\",\"publisher\":\"Test Wire\","
                        + "\"url\":\"https://example.org/b\",\"language\":\"en\",\"change_reason\":\"read replica test\"}",
                Map.of()).statusCode() == 201 ? "" : null);
        for (String path : List.of("/api/v1/deployments/" + deployment, "/api/v1/deployments?limit=5", "/api/v1/sources/" + source)) {
            HttpResponse<String> read = send(portB, "GET", path, null, null, null, Map.of());
            assertEquals(200, read.statusCode(), path + " on B: " + read.body());
        }
    }

    /** A streaming standby of the primary: a base backup (pg_backup_start, a copy of its files, pg_backup_stop), standby.signal, primary_conninfo. */
    private void startStandby(Path primaryData, Path standbyData, int primaryPort, int standbyPort, List<String> primaryCommand)
            throws Exception {
        try (Connection c = zonky.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("select pg_backup_start('read-replica-it', true)");
            copy(primaryData, standbyData);
            String label;
            try (ResultSet r = s.executeQuery("select labelfile from pg_backup_stop(false)")) {
                r.next();
                label = r.getString(1);
            }
            Files.writeString(standbyData.resolve("backup_label"), label);
        }
        Files.writeString(standbyData.resolve("standby.signal"), "");
        Files.writeString(standbyData.resolve("postgresql.auto.conf"), "primary_conninfo = 'host=127.0.0.1 port=" + primaryPort
                + " user=postgres application_name=read-replica-it'\n", java.nio.file.StandardOpenOption.APPEND,
                java.nio.file.StandardOpenOption.CREATE);
        service.keep(new ProcessBuilder(PostgresProcesses.withDataAndPort(primaryCommand, standbyData, standbyPort))
                .redirectErrorStream(true).redirectOutput(standbyData.resolveSibling(standbyData.getFileName() + ".log").toFile()).start());
        await("the standby streaming", () -> {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + standbyPort + "/postgres?user=postgres");
                 Statement s = c.createStatement(); ResultSet r = s.executeQuery("select pg_is_in_recovery(), "
                         + "(select count(*) from pg_stat_wal_receiver where status = 'streaming')")) {
                r.next();
                return r.getBoolean(1) && r.getLong(2) == 1 ? "" : null;
            } catch (SQLException notYet) {
                return null;
            }
        });
    }

    /** The data directory as a base backup copies it: without the running server's own files and its WAL (streamed instead). */
    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwx------"));
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path relative = from.relativize(file);
                String name = relative.toString();
                if (name.equals("postmaster.pid") || name.equals("postmaster.opts")
                        || name.startsWith("pg_wal/") || name.startsWith("pg_replslot/") || name.startsWith("pg_stat_tmp/")) {
                    continue;
                }
                Path target = to.resolve(relative);
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    try {
                        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                    } catch (java.nio.file.NoSuchFileException goneMeanwhile) {
                        // a temporary file the running server removed while we copied: the WAL replays what matters
                    }
                }
            }
        }
    }

    private interface Check {
        String get() throws Exception;
    }

    private static String await(String what, Check check) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            String found;
            try {
                found = check.get();
            } catch (Exception notYet) {
                found = null;
            }
            if (found != null) {
                return found;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not in time: " + what);
    }

    private void awaitReady(Process process, int on, Path log) throws Exception {
        for (int i = 0; i < 1200; i++) {
            if (!process.isAlive()) {
                fail("the service exited: " + Files.readString(log));
            }
            try {
                if (send(on, "GET", "/q/health/ready", null, null, null, Map.of()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListening) {
                // not yet
            }
            Thread.sleep(250);
        }
        fail("not ready in time: " + Files.readString(log));
    }

    private HttpResponse<String> create(String title, String idempotencyKey) throws Exception {
        return send("POST", "/api/v1/sources", ADMIN_KEY, "application/json", "{\"kind\":\"news\",\"title\":\"" + title
                + "\",\"publisher\":\"Test Wire\",\"url\":\"https://example.org/replica\",\"language\":\"en\","
                + "\"change_reason\":\"read replica test\"}", Map.of("Idempotency-Key", idempotencyKey));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null, null, null, Map.of());
    }

    private HttpResponse<String> send(String method, String path, String key, String contentType, String body,
                                      Map<String, String> headers) throws Exception {
        return send(port, method, path, key, contentType, body, headers);
    }

    private HttpResponse<String> send(int on, String method, String path, String key, String contentType, String body,
                                      Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + on + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        Map<String, String> all = new HashMap<>(headers);
        all.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
