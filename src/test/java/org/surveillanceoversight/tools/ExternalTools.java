package org.surveillanceoversight.tools;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The tools beyond the JDK that some checks run (Node.js and npm, Debian's Python with requests and
 * pandas, R with jsonlite, curl and jq). A missing one fails the test with the one line that
 * installs them all; no check skips itself.
 */
public final class ExternalTools {

    /** The README's install line; .ci/run runs exactly this before the test command. */
    public static final String INSTALL_LINE = "apt-get update && apt-get install -y nodejs curl jq python3-requests "
            + "python3-pandas r-base-core r-cran-jsonlite iso-codes postgresql-client kubectl && (command -v npm >/dev/null || apt-get install -y npm)";

    public static final Path NODE_PROJECT = Path.of("src", "test", "node");

    private ExternalTools() {
    }

    /** What a finished command printed, and its exit code. */
    public record Run(int exitCode, String output) {
    }

    /** Fails the test, with the install line, when a program is not on the PATH. */
    public static void require(String program, String what) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return;
            }
        }
        if (Files.isExecutable(Path.of(program))) {
            return;
        }
        fail(program + " (" + what + ") is not installed. Install the test tools with:\n  " + INSTALL_LINE);
    }

    /** Installs the Node packages of src/test/node from its lockfile, once per change of the lockfile. */
    public static synchronized void npmPackages() {
        require("node", "Node.js 20.19 or newer");
        require("npm", "npm");
        String version = run(Path.of("."), Map.of(), 60, "node", "--version").output().trim();
        if (!nodeIsRecentEnough(version)) {
            fail("Node.js " + version + " is too old: Redocly CLI needs 20.19 or newer (or 22.12+). Debian 12's own "
                    + "nodejs is 18; install a newer nodejs package (e.g. NodeSource's 20 or 22), then:\n  " + INSTALL_LINE);
        }
        Path lock = NODE_PROJECT.resolve("package-lock.json");
        Path installed = NODE_PROJECT.resolve("node_modules").resolve(".package-lock.json");
        try {
            if (Files.exists(installed)
                    && Files.getLastModifiedTime(installed).compareTo(Files.getLastModifiedTime(lock)) >= 0) {
                return;
            }
            Run run = run(NODE_PROJECT, Map.of(), 600, "npm", "ci", "--no-audit", "--no-fund");
            if (run.exitCode() != 0) {
                fail("npm ci in " + NODE_PROJECT + " failed:\n" + run.output());
            }
            Files.setLastModifiedTime(installed, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "v20.20.2" -> whether Redocly CLI 2.77 runs on it (20.19+ in the 20 line, 22.12+ after it). */
    static boolean nodeIsRecentEnough(String version) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("v?(\\d+)\\.(\\d+).*").matcher(version);
        if (!m.matches()) {
            return false;
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        return major == 20 && minor >= 19 || major == 22 && minor >= 12 || major > 22;
    }

    /** Runs a command in a folder with extra environment variables, and waits at most the given seconds. */
    public static Run run(Path dir, Map<String, String> env, int timeoutSeconds, String... command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true);
            builder.environment().putAll(env);
            Path log = Files.createTempFile("tool-", ".log");
            builder.redirectOutput(log.toFile());
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                fail(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s:\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Files.deleteIfExists(log);
            return new Run(process.exitValue(), output);
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The command and its arguments, as one list (for commands built from parts). */
    public static String[] command(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all.toArray(String[]::new);
    }
}
