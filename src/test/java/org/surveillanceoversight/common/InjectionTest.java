package org.surveillanceoversight.common;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.surveillanceoversight.TestRecords;
import org.surveillanceoversight.auth.ApiKeyTest;
import org.surveillanceoversight.deployment.DeploymentWriteTest;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Strings built to inject SQL or markup, in every free-text filter and every text field we
 * write: they come back verbatim or are refused (4xx), never run and never crash the service.
 */
@QuarkusTest
public class InjectionTest {

    static final List<String> HOSTILE = List.of(
            "'; drop table deployment; --",
            "x' or '1'='1",
            "Kyiv\"); delete from citation; --",
            "$$; drop table source; $$",
            "$q0$) to stdout; drop table vendor; --",
            "<script>alert('x')</script>",
            "<img src=x onerror=alert(1)>",
            "\\'; select pg_sleep(5); --",
            "%' and 1=1 --",
            "Київ' union select * from api_key --");

    @Inject
    AgroalDataSource dataSource;

    static Stream<String> hostile() {
        return HOSTILE.stream();
    }

    private int rows(String table) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void freeTextFiltersNeverRun(String text) throws SQLException {
        int deployments = rows("deployment");
        int citations = rows("citation");
        for (String path : List.of("/api/v1/deployments", "/api/v1/stats/by-country", "/api/v1/exports/deployments",
                "/api/v1/exports/camera-counts", "/api/v1/exports/deployments?format=geojson")) {
            for (String parameter : List.of("q", "lender")) {
                given().queryParam(parameter, text).get(path)
                        .then().statusCode(anyOf(equalTo(200), equalTo(400)));
            }
        }
        for (String path : List.of("/api/v1/vendors", "/api/v1/localities", "/api/v1/sources", "/api/v1/countries")) {
            given().queryParam("q", text).get(path).then().statusCode(200);
        }
        given().queryParam("region", text).get("/api/v1/countries").then().statusCode(200);
        given().queryParam("country", text).get("/api/v1/deployments").then().statusCode(400)
                .contentType("application/problem+json");
        given().get("/api/v1/deployments/" + text.replace("/", "")).then().statusCode(anyOf(equalTo(400), equalTo(404)));
        assertEquals(deployments, rows("deployment"));
        assertEquals(citations, rows("citation"));
        rows("source");
        rows("vendor");
    }

    @Test
    void writtenTextComesBackVerbatim() throws SQLException {
        String editor = ApiKeyTest.newKey("editor");
        for (String text : HOSTILE) {
            Map<String, Object> body = new HashMap<>();
            body.put("kind", "report");
            body.put("title", "[test] " + text);
            body.put("publisher", text);
            body.put("authors", List.of(text));
            body.put("notes", text);
            body.put("language", "en");
            body.put("change_reason", text);
            String id = given().auth().oauth2(editor).contentType("application/json").body(body)
                    .post("/api/v1/sources").then().statusCode(201).extract().path("id");
            given().get("/api/v1/sources/" + id).then().statusCode(200)
                    .body("title", equalTo("[test] " + text)).body("publisher", equalTo(text))
                    .body("authors[0]", equalTo(text)).body("notes", equalTo(text));
            given().get("/api/v1/sources/" + id + "/history").then().body("data[0].reason", equalTo(text));
            given().queryParam("q", text).get("/api/v1/sources").then().statusCode(200);
        }
        rows("deployment");
        rows("api_key");
    }

    @Test
    void textWrittenToDeploymentsVendorsLocalitiesAndSubmissionsComesBackVerbatim() throws SQLException {
        String editor = ApiKeyTest.newKey("editor");
        String reviewer = ApiKeyTest.newKey("reviewer");
        int apiKeys = rows("api_key");
        for (String text : HOSTILE) {
            Map<String, Object> deployment = DeploymentWriteTest.deployment("[test] " + text);
            deployment.put("summary", text);
            deployment.put("operator_agency", text);
            deployment.put("public_spaces", List.of(text));
            deployment.put("confidence_note", text);
            deployment.put("citations", List.of(Map.of("source_id", TestRecords.MEMO.toString(), "quote", text,
                    "locator", text, "note", text)));
            deployment.put("change_reason", text);
            String id = given().auth().oauth2(editor).contentType("application/json").body(deployment)
                    .post("/api/v1/deployments").then().statusCode(201).extract().path("id");
            given().get("/api/v1/deployments/" + id).then().statusCode(200)
                    .body("title", equalTo("[test] " + text)).body("summary", equalTo(text))
                    .body("operator_agency", equalTo(text)).body("public_spaces[0]", equalTo(text))
                    .body("citations[0].quote", equalTo(text)).body("citations[0].locator", equalTo(text));
            given().get("/api/v1/deployments/" + id + "/history").then().body("data[0].reason", equalTo(text));

            Map<String, Object> vendor = new HashMap<>(Map.of("name", "[test] vendor " + TestRecords.RUN + " " + text, "ownership", "unknown",
                    "ownership_note", text, "aliases", List.of(Map.of("alias", text)),
                    "citations", List.of(Map.of("source_id", TestRecords.MEMO.toString(), "quote", text)),
                    "change_reason", text));
            String vendorId = given().auth().oauth2(editor).contentType("application/json").body(vendor)
                    .post("/api/v1/vendors").then().statusCode(201).extract().path("id");
            given().get("/api/v1/vendors/" + vendorId).then().body("name", equalTo("[test] vendor " + TestRecords.RUN + " " + text))
                    .body("ownership_note", equalTo(text)).body("aliases[0].alias", equalTo(text));

            Map<String, Object> place = new HashMap<>(Map.of("country_code", "FJ", "name_en", "[test] " + text,
                    "kind", "site", "aliases", List.of(text), "change_reason", text));
            String localityId = given().auth().oauth2(editor).contentType("application/json").body(place)
                    .post("/api/v1/localities").then().statusCode(201).extract().path("id");
            given().get("/api/v1/localities/" + localityId).then().body("name_en", equalTo("[test] " + text))
                    .body("aliases[0]", equalTo(text));

            // retracted with the same text as the reason, so the tests that search the real records never meet them
            for (String path : List.of("/api/v1/deployments/" + id, "/api/v1/vendors/" + vendorId,
                    "/api/v1/localities/" + localityId)) {
                given().auth().oauth2(reviewer).contentType("application/json").header("If-Match", given().get(path).header("ETag"))
                        .body(Map.of("reason", text)).post(path + "/retract").then().statusCode(200)
                        .body("retraction.reason", equalTo(text));
            }
            String submission = given().contentType("application/json").body(Map.of("kind", "tip", "message", text,
                    "contact_name", text)).post("/api/v1/submissions").then().statusCode(202).extract().path("id");
            given().auth().oauth2(reviewer).get("/api/v1/submissions/" + submission).then()
                    .body("message", equalTo(text)).body("contact_name", equalTo(text));
        }
        assertEquals(apiKeys, rows("api_key"));
        rows("citation");
        rows("revision");
    }
}
