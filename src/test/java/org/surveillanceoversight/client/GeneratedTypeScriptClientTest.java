package org.surveillanceoversight.client;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.surveillanceoversight.tools.ExternalTools;

import java.net.URL;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TypeScript types generated from the committed spec by openapi-typescript pass `tsc --strict`, and
 * src/test/node/client.ts, written against them with Node's own fetch, runs its read steps against
 * the service.
 */
@QuarkusTest
public class GeneratedTypeScriptClientTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void typesFromTheSpecCompileStrictlyAndTheClientReadsTheService() {
        ExternalTools.npmPackages();
        ExternalTools.Run types = ExternalTools.run(ExternalTools.NODE_PROJECT, Map.of(), 300,
                "node_modules/.bin/openapi-typescript", "../../../openapi/openapi.yaml", "-o", "generated/api.d.ts");
        assertEquals(0, types.exitCode(), types.output());
        ExternalTools.Run compile = ExternalTools.run(ExternalTools.NODE_PROJECT, Map.of(), 300,
                "node_modules/.bin/tsc", "-p", "tsconfig.json");
        assertEquals(0, compile.exitCode(), "tsc --strict refused the client:\n" + compile.output());
        ExternalTools.Run client = ExternalTools.run(ExternalTools.NODE_PROJECT,
                Map.of("OVERSIGHT_API", base.toString().replaceAll("/$", "")), 120, "node", "build/client.js");
        assertEquals(0, client.exitCode(), client.output());
        assertTrue(client.output().contains("\"deployments\":"), client.output());
    }
}
