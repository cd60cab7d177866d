package org.surveillanceoversight.tools;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service (target/quarkus-app/quarkus-run.jar) and what an integration test starts
 * beside it. Registered as an extension ({@code @RegisterExtension}), it stops them after each test:
 * the processes (SIGTERM, then waited for) in the order they were started, then the embedded
 * PostgreSQL servers and other resources, last made first closed.
 */
public final class PackagedService implements AfterEachCallback {

    private final List<Process> started = new ArrayList<>();
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();

    /** Starts the jar on the port with the environment given (QUARKUS_DATASOURCE_* from outside are dropped), its output to the log. */
    public Process start(int httpPort, Map<String, String> environment, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + httpPort, "-jar", "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("QUARKUS_DATASOURCE"));
        builder.environment().putAll(environment);
        return keep(builder.start());
    }

    /** Another process to stop with the service, after it. */
    public Process keep(Process process) {
        started.add(process);
        return process;
    }

    /** A resource to close after the processes have stopped (an embedded PostgreSQL the service used). */
    public <T extends AutoCloseable> T closeAfterwards(T resource) {
        resources.push(resource);
        return resource;
    }

    /** An embedded PostgreSQL (UTF-8, C locale) with these databases made, closed after the test. */
    public EmbeddedPostgres postgres(String... databases) throws IOException, SQLException {
        EmbeddedPostgres postgres = closeAfterwards(EmbeddedPostgres.builder().setRegisterShutdownHook(true)
                .setLocaleConfig("locale", "C.UTF-8").setLocaleConfig("encoding", "UTF8").start());
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            for (String database : databases) {
                s.execute("create database " + database);
            }
        }
        return postgres;
    }

    public List<Process> processes() {
        return List.copyOf(started);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        stopAll();
    }

    /** Stops every process started, in order, then closes the resources, last made first. */
    public void stopAll() throws Exception {
        for (Process p : started) {
            p.destroy();
            p.waitFor(30, TimeUnit.SECONDS);
        }
        started.clear();
        while (!resources.isEmpty()) {
            resources.pop().close();
        }
    }

    /** A loopback port nothing listens on right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
