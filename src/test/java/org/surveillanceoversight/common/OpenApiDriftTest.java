package org.surveillanceoversight.common;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The committed contract in openapi/ must be exactly what the code generates (the build writes
 * it to target/openapi while augmenting the application for the tests).
 */
@QuarkusTest
public class OpenApiDriftTest {

    static final String REGENERATE =
            "./mvnw -q package -Dmaven.test.skip=true -Dquarkus.smallrye-openapi.store-schema-directory=openapi";

    @ParameterizedTest
    @ValueSource(strings = {"openapi.yaml", "openapi.json"})
    void committedSpecMatchesTheCode(String file) throws IOException {
        Path generated = Path.of("target", "openapi", file);
        Path committed = Path.of("openapi", file);
        assertTrue(Files.exists(generated), "the build did not generate " + generated);
        if (!Files.exists(committed)) {
            fail(committed + " is missing. Regenerate it with: " + REGENERATE);
        }
        List<String> want = Files.readAllLines(generated);
        List<String> have = Files.readAllLines(committed);
        for (int i = 0; i < Math.max(want.size(), have.size()); i++) {
            String w = i < want.size() ? want.get(i) : "<end of file>";
            String h = i < have.size() ? have.get(i) : "<end of file>";
            if (!w.equals(h)) {
                fail(committed + " differs from what the code generates, first at line " + (i + 1)
                        + ":\n  committed: " + h + "\n  generated: " + w
                        + "\nRegenerate it with: " + REGENERATE + "\nand commit it with the code that changed it.");
            }
        }
    }
}
