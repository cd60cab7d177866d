package org.surveillanceoversight.contract;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.surveillanceoversight.tools.ExternalTools;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed spec passes Redocly's recommended rules and Spectral's spectral:oas with no error
 * and no warning; a rule turned off is turned off in openapi/redocly.yaml or openapi/.spectral.yaml
 * with its reason. The linters come from src/test/node's lockfile (Node.js: see README).
 */
class SpecLintTest {

    @BeforeAll
    static void tools() {
        ExternalTools.npmPackages();
    }

    @Test
    void redoclyRecommendedReportsNothing() {
        ExternalTools.Run run = ExternalTools.run(ExternalTools.NODE_PROJECT,
                Map.of("REDOCLY_TELEMETRY", "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE", "true"), 300,
                "node_modules/.bin/redocly", "lint", "--config", "../../../openapi/redocly.yaml",
                "--format", "json", "../../../openapi/openapi.yaml");
        assertEquals(0, run.exitCode(), run.output());
        java.util.regex.Matcher totals = java.util.regex.Pattern
                .compile("\"errors\": (\\d+),\\s*\"warnings\": (\\d+)").matcher(run.output());
        assertTrue(totals.find(), "no totals in Redocly's answer:\n" + run.output());
        assertEquals("0 errors, 0 warnings", totals.group(1) + " errors, " + totals.group(2) + " warnings",
                "Redocly reports problems:\n" + run.output());
    }

    @Test
    void spectralOasReportsNothing() {
        ExternalTools.Run run = ExternalTools.run(ExternalTools.NODE_PROJECT, Map.of(), 300,
                "node_modules/.bin/spectral", "lint", "--ruleset", "../../../openapi/.spectral.yaml",
                "--fail-severity", "hint", "../../../openapi/openapi.yaml");
        assertEquals(0, run.exitCode(), "Spectral reports problems:\n" + run.output());
    }
}
