package org.surveillanceoversight.tools;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The Node.js versions the contract checks accept: those Redocly CLI 2.77 runs on. */
class ExternalToolsTest {

    @ParameterizedTest
    @CsvSource({"v18.19.0, false", "v20.18.1, false", "v20.19.0, true", "v20.20.2, true", "v21.7.3, false",
            "v22.11.0, false", "v22.12.0, true", "v24.1.0, true", "garbage, false"})
    void nodeVersions(String version, boolean accepted) {
        assertEquals(accepted, ExternalTools.nodeIsRecentEnough(version));
    }
}
