package org.surveillanceoversight.contract;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs after every other test of the build (a plain test in the integration-test phase sorts after
 * the Quarkus ones): each (operation, status) pair the spec declares was received, and validated,
 * at least once. A pair no test can produce is not really returned and leaves the spec. The
 * report goes to target/contract/coverage.txt.
 */
class ContractCoverageIT {

    @Test
    void everyDeclaredResponseWasReceivedAndValidated() throws IOException {
        List<String[]> exercised = ExercisedResponses.read();
        assertTrue(!exercised.isEmpty(), "no response was recorded in " + ExercisedResponses.file()
                + "; run the whole build (./mvnw verify), not this test alone");
        Map<String, Integer> seen = new TreeMap<>();
        for (String[] row : exercised) {
            if (row[2].equals("valid")) {
                seen.merge(row[0] + " " + row[1], 1, Integer::sum);
            }
        }
        TreeSet<String> declared = new TreeSet<>();
        for (OpenApiContract.Operation operation : OpenApiContract.get().operations()) {
            for (String status : operation.statuses()) {
                declared.add(operation.id() + " " + status);
            }
        }
        List<String> missing = new ArrayList<>();
        StringBuilder report = new StringBuilder("operation status responses\n");
        for (String pair : declared) {
            int count = seen.getOrDefault(pair, 0);
            report.append(pair).append(' ').append(count).append('\n');
            if (count == 0) {
                missing.add(pair);
            }
        }
        report.append("\n").append(exercised.size()).append(" responses validated against the spec; ")
                .append(declared.size() - missing.size()).append(" of ").append(declared.size())
                .append(" declared (operation, status) pairs exercised\n");
        Path out = ExercisedResponses.file().resolveSibling("coverage.txt");
        Files.writeString(out, report);
        System.out.println(report.substring(report.lastIndexOf("\n", report.length() - 2) + 1));
        if (!missing.isEmpty()) {
            fail(missing.size() + " declared responses were never received by any test (report: " + out + "):\n  "
                    + String.join("\n  ", missing));
        }
    }
}
