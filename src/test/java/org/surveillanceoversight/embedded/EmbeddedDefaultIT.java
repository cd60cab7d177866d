package org.surveillanceoversight.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.surveillanceoversight.tools.PackagedService;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged app with no database configured, as a user on a fresh machine runs it: it starts
 * its own PostgreSQL, migrates and seeds it, keeps the data in OVERSIGHT_DATA_DIR across a stop
 * and a start, stops it cleanly with the service, and refuses a second instance on the same folder.
 */
public class EmbeddedDefaultIT {

    private static final Pattern PORT = Pattern.compile("embedded PostgreSQL on port (\\d+)");
    @RegisterExtension
    final PackagedService service = new PackagedService();

    @Test
    void keepsItsDataAcrossAStopAndAStart() throws Exception {
        Path dataDir = Files.createTempDirectory("oversight-data");
        Path firstLog = dataDir.resolveSibling(dataDir.getFileName() + "-1.log");
        int httpPort = PackagedService.freePort();

        Process first = launch(dataDir, httpPort, firstLog);
        awaitReady(httpPort, first, firstLog);
        String log = Files.readString(firstLog);
        assertTrue(log.contains("its data lives in " + dataDir.resolve("postgres")), log);
        assertTrue(get(httpPort, "/api/v1/deployments").contains("Kyiv Safe City video surveillance (Kyiv Smart City)"));

        String sourceId = UUID.randomUUID().toString();
        try (Connection c = connect(log); Statement s = c.createStatement()) {
            s.execute("insert into source (id, kind, title, language) values ('" + sourceId
                    + "', 'news', 'written before the restart', 'en')");
        }

        first.destroy(); // SIGTERM, as a service manager stops it
        assertTrue(first.waitFor(60, TimeUnit.SECONDS), "the service did not stop");
        assertFalse(Files.exists(dataDir.resolve("postgres/postmaster.pid")), "PostgreSQL was not stopped cleanly");

        Path secondLog = dataDir.resolveSibling(dataDir.getFileName() + "-2.log");
        Process second = launch(dataDir, httpPort, secondLog);
        awaitReady(httpPort, second, secondLog);
        String log2 = Files.readString(secondLog);
        assertTrue(log2.contains("Seed data is up to date"), log2);
        try (Connection c = connect(log2); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select title from source where id = '" + sourceId + "'")) {
            assertTrue(rs.next(), "the row written before the restart is gone");
            assertEquals("written before the restart", rs.getString(1));
        }

        Path thirdLog = dataDir.resolveSibling(dataDir.getFileName() + "-3.log");
        Process third = launch(dataDir, PackagedService.freePort(), thirdLog);
        assertTrue(third.waitFor(60, TimeUnit.SECONDS), "a second instance on the same data must not start");
        assertNotEquals(0, third.exitValue());
        assertTrue(Files.readString(thirdLog).contains("already using the data directory"), Files.readString(thirdLog));
        assertTrue(get(httpPort, "/q/health/ready").contains("UP"), "the first instance keeps running");
    }

    private Process launch(Path dataDir, int httpPort, Path log) throws IOException {
        return service.start(httpPort, Map.of("OVERSIGHT_DATA_DIR", dataDir.toString()), log);
    }

    private static void awaitReady(int port, Process process, Path log) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("the service exited: " + Files.readString(log));
            }
            try {
                if (get(port, "/q/health/ready").contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not ready in time: " + Files.readString(log));
    }

    private static Connection connect(String log) throws Exception {
        Matcher m = PORT.matcher(log);
        assertTrue(m.find(), "no port in the log");
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + m.group(1) + "/oversight?user=postgres");
    }

    private static String get(int port, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.body();
    }
}
