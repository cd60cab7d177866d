package org.surveillanceoversight.stats;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.surveillanceoversight.TestRecords;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a dashboard charts, computed from the seeded records (restricted to their countries). */
@QuarkusTest
public class StatsTest {

    static final String SEEDED = "?country=UA&country=TJ";

    @Inject
    AgroalDataSource dataSource;

    private static JsonPath stats(String path) {
        return given().get("/api/v1/stats/" + path).then().statusCode(200)
                .body("counting", containsString("latest published camera observation")).extract().jsonPath();
    }

    @Test
    void byCountryCountsLatestObservationsAndKeepsPlannedApart() {
        JsonPath s = stats("by-country" + SEEDED);
        assertEquals(List.of("TJ", "UA"), s.getList("data.country_code", String.class).stream().sorted().toList());
        Map<String, Object> tj = s.getMap("data.find { it.country_code == 'TJ' }");
        assertEquals(3, tj.get("deployments"));
        assertEquals(800, tj.get("cameras"), "Dushanbe's latest observation: over 800 (2024), not 855 or 870");
        assertEquals(900, tj.get("cameras_planned"), "Bokhtar's 900 are planned");
        assertEquals(7848 + 2000, s.getInt("data.find { it.country_code == 'UA' }.cameras"),
                "Kyiv's latest total (start of 2022) and the Kyiv region's (July 2023); the metro's latest observation counts only face-recognition cameras");
        assertEquals(List.of("UA", "TJ"), s.getList("filters.country"));
    }

    @Test
    void byVendorYearCapabilityAndLabel() {
        JsonPath vendors = stats("by-vendor" + SEEDED);
        assertEquals(2, vendors.getInt("data.find { it.vendor_name == 'Huawei' }.deployments"));
        assertEquals(7848 + 800, vendors.getInt("data.find { it.vendor_name == 'Huawei' }.cameras"));
        assertEquals(7848, vendors.getInt("data.find { it.vendor_name == 'Hikvision' }.cameras"));

        JsonPath years = stats("by-year" + SEEDED);
        assertEquals(1, years.getInt("data.find { it.year == 2013 }.deployments"));
        assertEquals(1, years.getInt("data.find { it.year == 2016 }.deployments"));
        assertEquals(2, years.getInt("data.find { it.year == 2024 }.deployments"), "Bokhtar and Dushanbe's second phase");
        assertEquals(null, years.getMap("data.find { it.year == null }"), "every seeded deployment here has a dated event");

        JsonPath capabilities = stats("by-capability" + SEEDED);
        assertEquals(3, capabilities.getInt("data.find { it.code == 'face_identification_unspecified' }.deployments"));

        JsonPath labels = stats("oversight-labels" + SEEDED);
        assertEquals(3, labels.getInt("data.find { it.label == 'none' }.deployments"));
        assertEquals(3, labels.getInt("data.find { it.label == 'not_assessed' }.deployments"));
    }

    @Test
    void facialRecognitionShare() {
        JsonPath s = stats("facial-recognition" + SEEDED);
        // Kyiv (7,848 with over 200) and the Kyiv region (about 2,000 with 500): latest observations that give both figures
        assertEquals(2, s.getInt("data[0].deployments_counted"));
        assertEquals(9848, s.getInt("data[0].cameras"));
        assertEquals(700, s.getInt("data[0].facial_recognition"));
        assertEquals(0.0711, s.getDouble("data[0].share"), 1e-4);
    }

    @Test
    void aWriteShowsUpInTheNextRequest() throws SQLException {
        String path = "by-country?country=PT";
        // an earlier run may have left deployments in Portugal: the write must add exactly its own
        JsonPath before = stats(path);
        int deployments = before.getList("data").isEmpty() ? 0 : before.getInt("data[0].deployments");
        long cameras = before.getList("data").isEmpty() ? 0 : before.getLong("data[0].cameras");
        TestRecords.deployments(dataSource, "PT", List.of("[test] stats freshness"), 42);
        JsonPath after = stats(path);
        assertEquals(deployments + 1, after.getInt("data[0].deployments"));
        assertEquals(cameras + 42, after.getLong("data[0].cameras"));
    }

    @Test
    void theFiltersAreReadAlikeByTheListStatsAndExports() {
        for (String path : List.of("/api/v1/deployments", "/api/v1/stats/by-year", "/api/v1/exports/camera-counts")) {
            // a one-value filter given twice, and two bad values of a repeatable one: one 400 names all three
            given().get(path + "?min_cameras=1&min_cameras=2&country=XX,YY&q=kyiv").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("min_cameras", "country", "country"))
                    .body("errors.find { it.field == 'min_cameras' }.message", equalTo("may be given once"));
            given().get(path + "?country=UA,TJ&program_type=smart_city").then().statusCode(200);
        }
    }

    @Test
    void statsTakeTheListsFiltersAndRefuseBadOnes() {
        given().get("/api/v1/stats/by-country?program_type=smart_city&country=UA").then().statusCode(200)
                .body("data.size()", equalTo(1)).body("filters.program_type", hasItem("smart_city"));
        given().get("/api/v1/stats/by-vendor?limit=5").then().statusCode(400).body("errors.field", hasItem("limit"));
        given().get("/api/v1/stats/by-year?status=dead").then().statusCode(400).body("errors.field", hasItem("status"));
    }
}
