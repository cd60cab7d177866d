package org.surveillanceoversight.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the committed spec says about itself: OpenAPI 3.1, a relative server, a contact, the two licences. */
class SpecInfoTest {

    @Test
    void theSpecNamesItsVersionServerContactAndBothLicences() throws Exception {
        JsonNode spec = OpenApiContract.get().spec();
        assertTrue(spec.path("openapi").asText().startsWith("3.1"), spec.path("openapi").asText());
        assertEquals("/", spec.path("servers").path(0).path("url").asText());
        JsonNode info = spec.path("info");
        assertFalse(info.path("version").asText().isBlank());
        assertFalse(info.path("contact").path("name").asText().isBlank());
        assertEquals("Apache-2.0", info.path("license").path("identifier").asText());
        assertEquals("CC BY 4.0", info.path("x-data-license").path("name").asText());
        assertTrue(Files.readString(Path.of("LICENSE")).contains("Apache License"), "the code's licence is at the root");
    }
}
