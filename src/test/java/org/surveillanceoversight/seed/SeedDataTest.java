package org.surveillanceoversight.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.surveillanceoversight.tools.ExternalTools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The seed as a journalist would check it, offline: each quote against the stored paragraph of its
 * source's page (src/test/resources/source-excerpts, not shipped in the jar), the figures of titles
 * and summaries against the records, exact figures against their quotes, and country names against
 * ISO 3166-1 (Debian's iso-codes).
 */
class SeedDataTest {

    static final Path SEED = Path.of("src", "main", "resources", "seed");
    static final Path EXCERPTS = Path.of("src", "test", "resources", "source-excerpts");
    static final Path ISO_3166 = Path.of("/usr/share/iso-codes/json/iso_3166-1.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    static Map<String, JsonNode> seedFiles() throws IOException {
        Map<String, JsonNode> files = new LinkedHashMap<>();
        for (String name : List.of("sources.json", "countries.json", "localities.json", "vendors.json", "findings.json",
                "deployments.json")) {
            files.put(name, JSON.readTree(SEED.resolve(name).toFile()));
        }
        return files;
    }

    static Map<String, SeedAudit.Excerpt> excerpts() throws IOException {
        Map<String, SeedAudit.Excerpt> excerpts = new TreeMap<>();
        try (Stream<Path> files = Files.list(EXCERPTS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                SeedAudit.Excerpt e = JSON.readValue(file.toFile(), ExcerptFile.class).excerpt();
                String expected = e.source() + ".json";
                if (!file.getFileName().toString().equals(expected)) {
                    fail(file + " holds the excerpt of " + e.source() + "; name it " + expected);
                }
                excerpts.put(e.source(), e);
            }
        }
        return excerpts;
    }

    static Map<String, String> isoNames() throws IOException {
        if (!Files.isReadable(ISO_3166)) {
            fail(ISO_3166 + " (Debian's iso-codes) is not installed. Install the test tools with:\n  "
                    + ExternalTools.INSTALL_LINE);
        }
        Map<String, String> names = new TreeMap<>();
        for (JsonNode c : JSON.readTree(ISO_3166.toFile()).path("3166-1")) {
            names.put(c.path("alpha_2").asText(), c.path("name").asText());
        }
        return names;
    }

    /** An excerpt file as written: snake_case names, with a free note on how the page was read. */
    record ExcerptFile(String source, String url, String read_on, String how_read, List<String> passages) {
        SeedAudit.Excerpt excerpt() {
            return new SeedAudit.Excerpt(source, url, read_on, passages);
        }
    }

    @Test
    void theSeedKeepsItsRules() throws IOException {
        List<String> problems = new SeedAudit(seedFiles(), excerpts(), isoNames()).problems();
        assertEquals(List.of(), problems, problems.size() + " problems in the seed:\n" + String.join("\n", problems));
    }

    @Test
    void theRegionIsCovered() throws IOException {
        JsonNode deployments = seedFiles().get("deployments.json");
        List<String> countries = new ArrayList<>();
        deployments.forEach(d -> countries.add(d.path("country").asText()));
        assertTrue(deployments.size() >= 20, "at least 20 deployments: " + deployments.size());
        assertTrue(countries.stream().distinct().count() >= 8, "in at least 8 countries: " + countries);
    }
}
