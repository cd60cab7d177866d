package org.surveillanceoversight.tools;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The line that installs the test tools is the same in the README, in .ci/run and in the tests' failure messages. */
class InstallLineTest {

    @Test
    void theReadmeAndCiInstallTheToolsTheTestsAskFor() throws IOException {
        assertTrue(Files.readString(Path.of("README.md")).contains(ExternalTools.INSTALL_LINE),
                "README.md must give the install line: " + ExternalTools.INSTALL_LINE);
        String ci = Files.readString(Path.of(".ci", "run"));
        assertTrue(ci.contains(ExternalTools.INSTALL_LINE + "\n./mvnw verify"),
                ".ci/run must run the install line, then ./mvnw verify");
    }
}
