package org.surveillanceoversight.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A PostgreSQL server a test owns, handled as processes: restarted, copied to a standby, killed. */
public final class PostgresProcesses {

    private PostgresProcesses() {
    }

    /**
     * postmaster.opts holds the command the server was started with ("path" "-D" "dir" ...); as root it
     * runs in a user namespace, as zonky starts it, because PostgreSQL refuses to run as root.
     */
    public static List<String> commandOf(Path opts) throws IOException {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("unshare", "-U"));
        }
        Matcher m = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(Files.readString(opts).trim());
        while (m.find()) {
            command.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return command;
    }

    /** The same server command on another data directory and port (a standby made from a copy). */
    public static List<String> withDataAndPort(List<String> command, Path data, int port) {
        List<String> changed = new ArrayList<>(command);
        for (int i = 0; i < changed.size() - 1; i++) {
            if (changed.get(i).equals("-D")) {
                changed.set(i + 1, data.toString());
            } else if (changed.get(i).equals("-p")) {
                changed.set(i + 1, Integer.toString(port));
            }
        }
        return changed;
    }

    /** The postmaster's PID, from the data directory it runs on. */
    public static long postmaster(Path data) throws IOException {
        return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
    }

    /** SIGKILL to the postmaster and every process under it: the database dies mid-write, with no clean shutdown. */
    public static void killHard(long postmaster) throws InterruptedException {
        ProcessHandle handle = ProcessHandle.of(postmaster).orElseThrow(() -> new AssertionError("no postmaster " + postmaster));
        List<ProcessHandle> children = handle.descendants().toList();
        handle.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        for (int i = 0; i < 100 && (handle.isAlive() || children.stream().anyMatch(ProcessHandle::isAlive)); i++) {
            Thread.sleep(50);
        }
    }

    /** SIGINT to the postmaster ("fast" shutdown: a clean stop that first sends every WAL record to the standbys); waits for it. */
    public static void stopCleanly(long postmaster) throws IOException, InterruptedException {
        ProcessHandle handle = ProcessHandle.of(postmaster).orElseThrow(() -> new AssertionError("no postmaster " + postmaster));
        new ProcessBuilder("kill", "-INT", Long.toString(postmaster)).inheritIO().start().waitFor();
        for (int i = 0; i < 600 && handle.isAlive(); i++) {
            Thread.sleep(50);
        }
        if (handle.isAlive()) {
            throw new AssertionError("PostgreSQL " + postmaster + " did not stop within 30 s");
        }
    }
}
