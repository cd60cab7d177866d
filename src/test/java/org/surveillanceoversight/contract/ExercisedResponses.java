package org.surveillanceoversight.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The (operation, status) pairs the tests received, appended to one file per build (named by the
 * system property contract.exercised, which the POM sets for Surefire and Failsafe alike) so that
 * ContractCoverageIT can compare them with what the spec declares after every other test ran.
 */
public final class ExercisedResponses {

    static final String PROPERTY = "contract.exercised";

    private ExercisedResponses() {
    }

    public static Path file() {
        String name = System.getProperty(PROPERTY);
        return Path.of(name != null ? name : "target/contract/exercised.tsv");
    }

    public static synchronized void record(String operationId, int status, boolean valid) {
        String line = operationId + "\t" + status + "\t" + (valid ? "valid" : "invalid") + "\n";
        try {
            Files.createDirectories(file().toAbsolutePath().getParent());
            Files.writeString(file(), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record an exercised response in " + file(), e);
        }
    }

    public static List<String[]> read() throws IOException {
        if (!Files.exists(file())) {
            return List.of();
        }
        return Files.readAllLines(file()).stream().filter(l -> !l.isBlank()).map(l -> l.split("\t")).toList();
    }
}
