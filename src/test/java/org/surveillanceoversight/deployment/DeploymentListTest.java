package org.surveillanceoversight.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.surveillanceoversight.TestRecords;
import org.surveillanceoversight.seed.SeedIds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Filters, sorts and keyset pages of GET /api/v1/deployments, as a watchdog app uses them. */
@QuarkusTest
public class DeploymentListTest {

    /** Two of the seeded deployments' countries: tests on the real records stay clear of test records. */
    static final String SEEDED = "country=UA&country=TJ";

    @Inject
    AgroalDataSource dataSource;

    static List<String> titles(String query) {
        return given().urlEncodingEnabled(true).get("/api/v1/deployments?limit=500&" + query)
                .then().statusCode(200).extract().jsonPath().getList("data.title");
    }

    /** The seed keys of the deployments a query lists, in its order (a test record shows as its title). */
    static List<String> keys(String query) {
        List<String> ids = given().urlEncodingEnabled(true).get("/api/v1/deployments?limit=500&" + query)
                .then().statusCode(200).extract().jsonPath().getList("data.id");
        return ids.stream().map(id -> SEED_KEYS.getOrDefault(id, id)).toList();
    }

    static final Map<String, String> SEED_KEYS = seedKeys();

    private static Map<String, String> seedKeys() {
        try {
            Map<String, String> keys = new HashMap<>();
            for (JsonNode d : new ObjectMapper().readTree(Path.of("src/main/resources/seed/deployments.json").toFile())) {
                keys.put(SeedIds.of("deployment", d.path("key").asText()).toString(), d.path("key").asText());
            }
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // UA: kyiv-smart-city (latest total 7,848), kyiv-metro-face-recognition (no total), kyiv-region-safe-region (about 2,000);
    // TJ: dushanbe-safe-city (over 800), bokhtar-safe-city (900 planned), dushanbe-safe-city-phase-2 (no count)
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "country=UA                                           | kyiv-smart-city kyiv-metro-face-recognition kyiv-region-safe-region",
            "country=TJ                                           | dushanbe-safe-city bokhtar-safe-city dushanbe-safe-city-phase-2",
            "country=TJ,UA                                        | dushanbe-safe-city bokhtar-safe-city dushanbe-safe-city-phase-2 kyiv-smart-city kyiv-metro-face-recognition kyiv-region-safe-region",
            "locality=a16024c9-9506-3c5b-9a2e-044c44831f7b        | kyiv-smart-city kyiv-metro-face-recognition",
            "vendor=HIKVISION                                      | kyiv-smart-city georgia-smart-cameras",
            "vendor_role=integrator,supplier&" + SEEDED + "        | dushanbe-safe-city kyiv-smart-city",
            "locality=a16024c9-9506-3c5b-9a2e-044c44831f7b,LOCALITY_BOKHTAR | bokhtar-safe-city kyiv-smart-city kyiv-metro-face-recognition",
            "vendor=HUAWEI&vendor_role=supplier&country=KG         | kyrgyzstan-huawei-ai-profiling kg-smart-city-huawei-2018",
            "vendor_role=integrator&" + SEEDED + "                 | dushanbe-safe-city kyiv-smart-city",
            "capability=automated_traffic_enforcement&" + SEEDED + " | dushanbe-safe-city",
            "capability=plate_recognition,automated_traffic_enforcement&" + SEEDED + " | dushanbe-safe-city kyiv-smart-city",
            "status=announced&" + SEEDED + "                       | bokhtar-safe-city",
            "status=considered&country=KG                          | kyrgyzstan-huawei-ai-profiling",
            "status=unknown&" + SEEDED + "                         | ''",
            "status=operational,announced&" + SEEDED + "           | bokhtar-safe-city dushanbe-safe-city",
            "status=expanded&" + SEEDED + "                        | kyiv-smart-city kyiv-metro-face-recognition kyiv-region-safe-region",
            "program_type=smart_city&" + SEEDED + "                | kyiv-smart-city",
            "oversight_label=none&" + SEEDED + "                   | dushanbe-safe-city kyiv-smart-city kyiv-metro-face-recognition",
            "oversight_label=not_assessed&" + SEEDED + "           | bokhtar-safe-city dushanbe-safe-city-phase-2 kyiv-region-safe-region",
            "announced_from=2013&announced_to=2013&" + SEEDED + "  | dushanbe-safe-city",
            "announced_from=2020&" + SEEDED + "                    | bokhtar-safe-city dushanbe-safe-city-phase-2",
            "operational_from=2018&operational_to=2020&" + SEEDED + " | kyiv-region-safe-region",
            "min_cameras=1000&" + SEEDED + "                       | kyiv-smart-city kyiv-region-safe-region",
            "max_cameras=1000&" + SEEDED + "                       | bokhtar-safe-city dushanbe-safe-city",
            "min_cameras=850&max_cameras=950&" + SEEDED + "        | bokhtar-safe-city",
            "financed=true&" + SEEDED + "                          | bokhtar-safe-city dushanbe-safe-city dushanbe-safe-city-phase-2 kyiv-metro-face-recognition kyiv-region-safe-region",
            "financed=false&" + SEEDED + "                         | kyiv-smart-city",
            "lender=eximbank&" + SEEDED + "                        | dushanbe-safe-city",
            "q=Київ                                                | kyiv-smart-city kyiv-metro-face-recognition kyiv-region-safe-region",
            "q=kiev                                                | kyiv-smart-city kyiv-metro-face-recognition",
            "q=КИЕВ                                                | kyiv-smart-city kyiv-metro-face-recognition kyiv-region-safe-region",
            "q=Hikvision                                           | kyiv-smart-city georgia-smart-cameras",
            "q=huawei dushan                                       | dushanbe-safe-city",
            "q=душанбе                                             | dushanbe-safe-city dushanbe-safe-city-phase-2",
            "q=Tajikistan&" + SEEDED + "                           | bokhtar-safe-city dushanbe-safe-city dushanbe-safe-city-phase-2",
            "q=xyzzy                                               | ''",
            "country=TJ&q=bokhtar&financed=true&status=announced   | bokhtar-safe-city",
    })
    void filtersSelectTheRightDeployments(String query, String expected) {
        String resolved = query.replace("HIKVISION", SeedIds.of("vendor", "hikvision").toString())
                .replace("HUAWEI", SeedIds.of("vendor", "huawei").toString())
                .replace("LOCALITY_BOKHTAR", SeedIds.of("locality", "bokhtar").toString());
        List<String> found = keys(resolved).stream().sorted().toList();
        List<String> want = expected.isBlank() ? List.of() : Arrays.stream(expected.split(" ")).sorted().toList();
        assertEquals(want, found, resolved);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "bogus=1                        | bogus",
            "country=XX                     | country",
            "country=ua                     | country",
            "locality=abc                   | locality",
            "vendor=1-2-3-4-5               | vendor",
            "vendor_role=boss               | vendor_role",
            "capability=mind_reading        | capability",
            "status=dead                    | status",
            "program_type=spy_city          | program_type",
            "oversight_label=great          | oversight_label",
            "announced_from=1800            | announced_from",
            "announced_from=2020&announced_to=2010 | announced_from",
            "operational_to=soon            | operational_to",
            "min_cameras=-1                 | min_cameras",
            "max_cameras=lots               | max_cameras",
            "min_cameras=10&max_cameras=5   | min_cameras",
            "financed=maybe                 | financed",
            "q=%20-%20                      | q",
            "limit=0                        | limit",
            "limit=501                      | limit",
            "limit=ten                      | limit",
            "sort=price                     | sort",
            "cursor=Z2FyYmFnZQ              | cursor",
            "q=a&q=b                        | q",
    })
    void badValuesAreA400NamingTheParameter(String query, String field) {
        given().urlEncodingEnabled(false).get("/api/v1/deployments?" + query)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    @Test
    void aTooLongSearchIsRefused() {
        given().queryParam("q", "a".repeat(201)).get("/api/v1/deployments")
                .then().statusCode(400).body("errors.field", hasItem("q"));
    }

    @Test
    void sortsOrderTheListBothWays() {
        List<String> ascending = titles("sort=title&" + SEEDED);
        assertEquals(ascending.stream().sorted().toList(), ascending);
        List<String> descending = titles("sort=-title&" + SEEDED);
        assertEquals(ascending.stream().sorted(Comparator.reverseOrder()).toList(), descending);
        List<Integer> cameras = given().get("/api/v1/deployments?sort=-cameras&" + SEEDED).then().statusCode(200)
                .extract().jsonPath().getList("data.camera_counts[0].total");
        assertEquals(List.of("kyiv-smart-city", "kyiv-region-safe-region", "bokhtar-safe-city", "dushanbe-safe-city"),
                keys("sort=-cameras&" + SEEDED).subList(0, 4), "latest totals 7848, about 2000, 900, over 800, then none: " + cameras);
        assertEquals(Set.of("kyiv-metro-face-recognition", "dushanbe-safe-city-phase-2"),
                Set.copyOf(keys("sort=-cameras&" + SEEDED).subList(4, 6)), "deployments without a total come last");
        List<String> byCountry = given().get("/api/v1/deployments?sort=country&" + SEEDED).then().extract().jsonPath()
                .getList("data.country.code");
        assertEquals(List.of("TJ", "TJ", "TJ", "UA", "UA", "UA"), byCountry);
    }

    @Test
    void pageEdges() {
        // nothing matches: an empty page, no cursor, no link
        Response empty = given().get("/api/v1/deployments?country=AQ");
        empty.then().statusCode(200).body("data.size()", equalTo(0)).body("next_cursor", nullValue());
        assertEquals(null, empty.header("Link"));
        // exactly a page full: no next page is promised
        Response full = given().get("/api/v1/deployments?country=TJ&limit=3");
        full.then().statusCode(200).body("data.size()", equalTo(3)).body("next_cursor", nullValue());
        // the last page is short and ends the walk
        Response first = given().get("/api/v1/deployments?" + SEEDED + "&limit=4&sort=title");
        String cursor = first.jsonPath().getString("next_cursor");
        Response last = given().get("/api/v1/deployments?" + SEEDED + "&limit=4&sort=title&cursor=" + cursor);
        last.then().statusCode(200).body("data.size()", equalTo(2)).body("next_cursor", nullValue());
        // a cursor belongs to its sort
        given().get("/api/v1/deployments?" + SEEDED + "&limit=4&sort=-title&cursor=" + cursor)
                .then().statusCode(400).body("errors.field", hasItem("cursor"));
    }

    @Test
    void previousLinksWalkBackThroughTheSamePages() {
        // every sort, each kind of key (text, number, timestamp, none) through a cursor
        for (String sort : List.of("title", "-title", "-cameras", "cameras", "id", "-id", "country", "updated_at", "-updated_at")) {
            List<List<String>> forward = new ArrayList<>();
            String next = "/api/v1/deployments?" + SEEDED + "&limit=1&sort=" + sort;
            Response page = null;
            while (next != null) {
                page = given().urlEncodingEnabled(false).get(next);
                forward.add(page.jsonPath().getList("data.id"));
                if (forward.size() == 1) {
                    assertEquals(null, page.jsonPath().getString("prev_cursor"), "the first page has no previous page");
                    assertTrue(link(page, "next") != null && link(page, "prev") == null);
                }
                next = link(page, "next");
            }
            assertEquals(6, forward.size(), sort);
            List<List<String>> backward = new ArrayList<>();
            String prev = link(page, "prev");
            while (prev != null) {
                Response back = given().urlEncodingEnabled(false).get(prev);
                backward.add(0, back.jsonPath().getList("data.id"));
                prev = link(back, "prev");
            }
            assertEquals(forward.subList(0, forward.size() - 1), backward, "walking back with " + sort);
        }
    }

    /** The target of a Link header relation, or null. */
    static String link(Response response, String rel) {
        for (String part : response.headers().getValues("Link")) {
            if (part.contains("rel=\"" + rel + "\"")) {
                String uri = part.substring(part.indexOf('<') + 1, part.indexOf('>'));
                return uri.substring(uri.indexOf("/api/"));
            }
        }
        return null;
    }

    @Test
    void insertsWhilePagingNeitherRepeatNorSkip() throws SQLException {
        String prefix = "[test] paging " + TestRecords.RUN;
        List<String> before = IntStream.range(0, 20).mapToObj(i -> String.format("%s %02d", prefix, i * 5)).toList();
        TestRecords.deployments(dataSource, "NO", before, 10);
        Set<String> seen = new HashSet<>();
        List<String> order = new ArrayList<>();
        String cursor = null;
        int page = 0;
        do {
            Response response = given().get("/api/v1/deployments?country=NO&sort=title&limit=4"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            List<String> got = response.jsonPath().getList("data.title");
            // an earlier run's records may share the country; this run's titles are the ones followed
            for (String title : got.stream().filter(t -> t.startsWith(prefix)).toList()) {
                assertTrue(seen.add(title), "served twice: " + title);
                order.add(title);
            }
            if (page++ == 1) {
                // others write while this client pages: titles before and after its position
                TestRecords.deployments(dataSource, "NO", List.of(prefix + " 01", prefix + " 51", prefix + " 99"), 10);
            }
            cursor = response.jsonPath().getString("next_cursor");
        } while (cursor != null);
        assertTrue(seen.containsAll(before), "skipped: " + before.stream().filter(t -> !seen.contains(t)).toList());
        assertTrue(seen.contains(prefix + " 51") && seen.contains(prefix + " 99"), "inserted after the cursor");
        assertEquals(order.stream().sorted().toList(), order);
    }
}
