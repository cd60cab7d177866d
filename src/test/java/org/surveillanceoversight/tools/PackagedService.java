package org.surveillanceoversight.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service (target/quarkus-app/quarkus-run.jar) and the processes an integration test
 * starts beside it, each stopped (SIGTERM, then waited for) in the order they were started.
 */
public final class PackagedService {

    private final List<Process> started = new ArrayList<>();

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

    public List<Process> processes() {
        return List.copyOf(started);
    }

    /** Stops everything started, in order. */
    public void stopAll() throws InterruptedException {
        for (Process p : started) {
            p.destroy();
            p.waitFor(30, TimeUnit.SECONDS);
        }
        started.clear();
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
