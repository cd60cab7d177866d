package org.surveillanceoversight.deployment;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a journalist or a watchdog app reads from the deployment endpoints, over HTTP. */
@QuarkusTest
public class DeploymentResourceTest {

    static final String MEMO_URL = "https://www.ponarseurasia.org/chinese-artificial-intelligence-projects-expand-in-eurasian-cities/";

    private static Map<String, Object> deploymentTitled(String prefix) {
        // searched by the title's first word, so other records in a shared database never push it off the page
        List<Map<String, Object>> all = given().queryParam("limit", 500).queryParam("q", prefix.split(" ")[0])
                .get("/api/v1/deployments")
                .then().statusCode(200).extract().jsonPath().getList("data");
        return all.stream().filter(d -> ((String) d.get("title")).startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no deployment titled " + prefix));
    }

    @Test
    void listServesKyivWithItsSources() {
        // Ukraine holds only the seed's records (test records live in countries the seed does not use)
        when().get("/api/v1/deployments?country=UA")
                .then().statusCode(200)
                .contentType("application/json")
                .body("limit", equalTo(50))
                .body("next_cursor", nullValue())
                .body("data.title", hasItem("Kyiv Safe City video surveillance (Kyiv Smart City)"))
                .body("data.find { it.title.startsWith('Kyiv Safe City') }.citations.source.url", hasItem(MEMO_URL))
                .body("data.publication", everyItem(equalTo("published")));
    }

    @Test
    void kyivKeepsItsFiguresQualifiersAndPlaces() {
        String id = (String) deploymentTitled("Kyiv Safe City").get("id");
        given().get("/api/v1/deployments/" + id)
                .then().statusCode(200)
                .body("country.code", equalTo("UA"))
                .body("country.alpha3", equalTo("UKR"))
                .body("localities[0].name_en", equalTo("Kyiv"))
                .body("localities[0].name_local", equalTo("Київ"))
                .body("program_type", equalTo("smart_city"))
                .body("status", equalTo("expanded"))
                .body("public_spaces", hasItems("Independence Square (Maidan Nezalezhnosti)", "river beaches",
                        "recreation areas", "major city streets"))
                .body("vendors.vendor_name", hasItems("Huawei", "Hikvision"))
                // each source's figure is its own observation, latest first, the undated one last
                .body("camera_counts.total", equalTo(List.of(7848, 6000, 6200, 7000, 4100, 3762, 4000)))
                .body("camera_counts.total_qualifier", equalTo(List.of("exact", "over", "over", "approximately",
                        "approximately", "exact", "approximately")))
                .body("camera_counts[6].observed_on", nullValue())
                // the memo's round 4,100 is not exact, and it is dated by the memo's year only
                .body("camera_counts[4].observed_on", equalTo("2018-01-01"))
                .body("camera_counts[4].observed_precision", equalTo("year"))
                .body("camera_counts[4].facial_recognition", equalTo(60))
                .body("camera_counts[4].facial_recognition_qualifier", equalTo("over"))
                .body("camera_counts[4].plate_reading", equalTo(60))
                .body("camera_counts[4].plate_reading_qualifier", equalTo("over"))
                .body("camera_counts[4].citations.quote",
                        hasItem("Over 60 of the cameras can read license plates and have facial recognition capabilities."))
                .body("capabilities.code", hasItems("face_identification_unspecified", "plate_recognition", "crowd_monitoring"))
                .body("oversight.label", equalTo("none"))
                .body("oversight.criteria", hasSize(13))
                // the memo's hedged sentence is about input on data use, not notice before launch
                .body("oversight.criteria.find { it.criterion == 'public_notice_consultation' }.score", equalTo("unknown"))
                .body("oversight.criteria.find { it.criterion == 'independent_auditor' }.score", equalTo("unknown"))
                .body("confidence", equalTo("high"));
    }

    @Test
    void everyClaimShownCarriesACitation() {
        JsonPath page = when().get("/api/v1/deployments?limit=500").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> deployments = page.getList("data");
        assertTrue(deployments.size() >= 4);
        for (Map<String, Object> d : deployments) {
            assertCited(d, d.get("title").toString());
            for (String part : List.of("status_history", "vendors", "camera_counts", "capabilities", "financing")) {
                for (Map<String, Object> claim : listOf(d.get(part))) {
                    assertCited(claim, d.get("title") + " " + part);
                }
            }
            Map<String, Object> oversight = mapOf(d.get("oversight"));
            for (Map<String, Object> criterion : listOf(oversight.get("criteria"))) {
                if (!"unknown".equals(criterion.get("score"))) {
                    assertCited(criterion, d.get("title") + " " + criterion.get("criterion"));
                }
            }
        }
    }

    @Test
    void dushanbeHasBothLoansTheirTermsAndTheCameraSeries() {
        String id = (String) deploymentTitled("Dushanbe Safe City project").get("id");
        JsonPath d = given().get("/api/v1/deployments/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals("TJ", d.getString("country.code"));
        // latest observation first, the undated ones after it: each source's figure stands on its own
        List<Integer> totals = d.getList("camera_counts.total");
        assertEquals(800, totals.get(0));
        assertEquals("over", d.getString("camera_counts[0].total_qualifier"));
        assertEquals(Set.of(850, 855, 870), Set.copyOf(totals.subList(1, 4)));

        Map<String, Object> cost = financing(d, "Total cost of the Safe City Project");
        assertEquals("22000000.00", cost.get("amount"));

        Map<String, Object> pkg = financing(d, "Two China Eximbank loans");
        assertEquals("20900000.00", pkg.get("amount"));
        assertEquals("USD", pkg.get("currency"));
        assertEquals("2013-05-20", pkg.get("signed_on"));
        assertEquals("month", pkg.get("ratified_precision"));
        assertEquals("CN", pkg.get("lender_country"));
        assertEquals(cost.get("id"), pkg.get("tranche_of"));
        assertTrue(pkg.get("repayment_source").toString().startsWith("Expected to be repaid"), "AidData: \"were expected to be repaid\"");
        assertEquals(List.of("46215", "71411"), listOf(pkg.get("external_ids")).stream().map(x -> x.get("id")).toList());

        Map<String, Object> gcl = financing(d, "Government concessional loan");
        assertEquals(pkg.get("id"), gcl.get("tranche_of"));
        assertEquals("1.500", gcl.get("interest_rate_pct"));
        assertEquals("20.00", gcl.get("maturity_years"));
        assertEquals("11.00", gcl.get("grace_period_years"));
        assertEquals("8360000.00", gcl.get("amount_usd"));
        assertEquals("approximately", gcl.get("amount_qualifier"), "each loan's face value is unknown; the split is nominal");
        assertEquals(null, gcl.get("amount"), "the RMB face value is not known and must not be invented");

        Map<String, Object> pbc = financing(d, "Preferential buyer's credit");
        assertEquals("2.000", pbc.get("interest_rate_pct"));
        assertEquals("9.00", pbc.get("grace_period_years"));
        assertEquals("12540000.00", pbc.get("amount"));
        assertEquals("approximately", pbc.get("amount_qualifier"));

        assertEquals("none", d.getString("oversight.label"));
        assertEquals("partial", d.getString("oversight.criteria.find { it.criterion == 'elected_body_approval' }.score"));
    }

    @Test
    void bokhtarIsPlannedAndNotTiedToDushanbesLoans() {
        Map<String, Object> bokhtar = deploymentTitled("Bokhtar");
        // "part of the Safe City project", funded through unnamed partners: no parent is inferred
        assertEquals(null, bokhtar.get("parent_id"));
        assertEquals(List.of("traffic_monitoring", "vehicle_mounted_cameras"),
                listOf(bokhtar.get("capabilities")).stream().map(k -> k.get("code")).sorted().toList());
        Map<String, Object> count = listOf(bokhtar.get("camera_counts")).get(0);
        assertEquals(900, count.get("total"));
        assertEquals("planned", count.get("total_qualifier"));
        assertEquals("announced", bokhtar.get("status"));
        assertEquals("not_assessed", mapOf(bokhtar.get("oversight")).get("label"));
    }

    @Test
    void anInterestIsRecordedAsConsideredNotAsAPurchase() {
        Map<String, Object> kyrgyzstan = deploymentTitled("Kyrgyzstan: interest");
        assertEquals("considered", kyrgyzstan.get("status"));
        given().get("/api/v1/deployments?status=considered&country=KG").then().statusCode(200)
                .body("data.id", equalTo(List.of(kyrgyzstan.get("id"))));
    }

    @Test
    void pagesWalkEveryDeploymentOnceWithCursorAndLinkHeader() {
        Set<String> seen = new HashSet<>();
        List<String> order = new ArrayList<>();
        String next = "/api/v1/deployments?limit=1&sort=id&country=UA&country=TJ&country=KG";
        int pages = 0;
        while (next != null) {
            Response response = when().get(next).then().statusCode(200).extract().response();
            List<String> ids = response.jsonPath().getList("data.id");
            assertEquals(1, ids.size());
            assertTrue(seen.add(ids.get(0)), "a record came twice: " + ids.get(0));
            order.add(ids.get(0));
            String cursor = response.jsonPath().getString("next_cursor");
            String link = DeploymentListTest.link(response, "next");
            if (cursor == null) {
                assertEquals(null, link, "the last page has no next link");
                next = null;
            } else {
                assertTrue(link.contains("cursor=" + cursor), link);
                next = link;
            }
            pages++;
        }
        int total = when().get("/api/v1/deployments?limit=500&country=UA&country=TJ&country=KG").then().extract()
                .jsonPath().getList("data").size();
        assertEquals(total, pages);
        assertEquals(order.stream().sorted().toList(), order, "pages come in a stable order");
    }

    @Test
    void badInputIsAProblemNotACrash() {
        given().get("/api/v1/deployments/not-a-uuid")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors[0].field", equalTo("id"))
                .body("instance", equalTo("/api/v1/deployments/not-a-uuid"));
        given().get("/api/v1/deployments/6b0f3c2a-9d1e-4f5a-8b7c-0d1e2f3a4b5c")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", startsWith("urn:surveillance-oversight:problem:"))
                .body("detail", containsString("6b0f3c2a-9d1e-4f5a-8b7c-0d1e2f3a4b5c"));
        for (String limit : List.of("0", "501", "-3")) {
            given().get("/api/v1/deployments?limit=" + limit)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("limit"));
        }
        given().get("/api/v1/deployments?limit=ten")
                .then().statusCode(400).contentType("application/problem+json")
                .body(not(containsString("Exception")));
        given().get("/api/v1/deployments?cursor=bm90LWEtY3Vyc29y")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("cursor"));
        given().get("/api/v1/no-such-thing")
                .then().statusCode(404).contentType("application/problem+json");
        given().delete("/api/v1/deployments")
                .then().statusCode(405).contentType("application/problem+json");
    }

    @Test
    void healthAndApiDocsAreServed() {
        when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/deployments/{id}'.get", notNullValue());
        when().get("/q/swagger-ui/").then().statusCode(200);
    }

    private static Map<String, Object> financing(JsonPath d, String descriptionPrefix) {
        List<Map<String, Object>> all = d.getList("financing");
        return all.stream().filter(f -> f.get("description").toString().startsWith(descriptionPrefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no financing " + descriptionPrefix));
    }

    private static void assertCited(Map<String, Object> claim, String what) {
        List<Map<String, Object>> citations = listOf(claim.get("citations"));
        assertTrue(!citations.isEmpty(), what + " has no citation");
        for (Map<String, Object> c : citations) {
            assertTrue(mapOf(c.get("source")).get("title") != null, what + " cites a source without a title");
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> listOf(Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> mapOf(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }
}
