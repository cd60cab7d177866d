package org.surveillanceoversight.common;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.surveillanceoversight.TestRecords;
import org.surveillanceoversight.auth.ApiKeyTest;
import org.surveillanceoversight.deployment.DeploymentWriteTest;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Dashboards revalidate cheaply: every GET has an ETag, a match is a 304, and a write changes the tag. */
@QuarkusTest
public class HttpCachingTest {

    @Inject
    AgroalDataSource dataSource;

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/deployments?country=IE&sort=-updated_at", "/api/v1/vendors", "/api/v1/countries/UA", "/api/v1/localities", "/api/v1/sources", "/api/v1/capabilities",
            "/api/v1/stats/by-country", "/api/v1/exports/deployments?country=UA"})
    void everyGetHasAnETagAndAMatchIsA304UntilAWrite(String path) throws SQLException {
        Response first = given().get(path);
        first.then().statusCode(200).header("Cache-Control", startsWith("public, max-age="));
        String etag = first.header("ETag");
        assertNotNull(etag, path);

        given().header("If-None-Match", etag).get(path)
                .then().statusCode(304).header("ETag", equalTo(etag)).body(emptyString());

        TestRecords.deployments(dataSource, "IE", List.of("[test] caching " + path), 1);
        Response after = given().header("If-None-Match", etag).get(path);
        after.then().statusCode(200);
        assertNotEquals(etag, after.header("ETag"), "a write must change the tag");
    }

    @Test
    void aDeploymentPagesTagFollowsWhatItShows() throws SQLException {
        UUID shown = TestRecords.deployments(dataSource, "IS", List.of("[test] caching a listed deployment"), 5).get(0);
        String path = "/api/v1/deployments?country=IS&sort=-updated_at&limit=5";
        String etag = given().get(path).then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag).get(path).then().statusCode(304).body(emptyString());

        // the page's documents are now kept in memory; a direct read of one at the same revision is the same document
        given().get("/api/v1/deployments/" + shown).then().statusCode(200).body("camera_counts[0].total", equalTo(5));

        // a write elsewhere leaves this page as it was: still a 304
        TestRecords.deployments(dataSource, "IE", List.of("[test] caching a deployment elsewhere"), 5);
        given().header("If-None-Match", etag).get(path).then().statusCode(304);

        // a write to a deployment on the page changes it
        TestRecords.cameraCount(dataSource, shown, 7);
        // the kept document is of the old revision: neither a direct read nor the page may show it
        given().get("/api/v1/deployments/" + shown).then().statusCode(200).body("camera_counts[0].total", equalTo(7));
        Response after = given().header("If-None-Match", etag).get(path);
        after.then().statusCode(200).body("data.find { it.id == '" + shown + "' }.camera_counts[0].total", equalTo(7));
        assertNotEquals(etag, after.header("ETag"));
    }

    @Test
    void aDeploymentsTagFollowsItsOwnRevision() {
        String editor = ApiKeyTest.newKey("editor");
        String path = given().auth().oauth2(editor).contentType("application/json")
                .body(DeploymentWriteTest.deployment("[test] caching one deployment " + TestRecords.RUN))
                .post("/api/v1/deployments").then().statusCode(201).extract().header("Location");
        String etag = given().get(path).then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag).get(path).then().statusCode(304).body(emptyString());

        given().auth().oauth2(editor).contentType("application/json")
                .body(DeploymentWriteTest.deployment("[test] caching another deployment " + TestRecords.RUN))
                .post("/api/v1/deployments").then().statusCode(201);
        given().header("If-None-Match", etag).get(path).then().statusCode(304);

        given().auth().oauth2(editor).contentType("application/merge-patch+json").header("If-Match", etag)
                .body("{\"summary\": \"Now with a corrected summary.\", \"change_reason\": \"caching test\"}")
                .patch(path).then().statusCode(200);
        Response after = given().header("If-None-Match", etag).get(path);
        after.then().statusCode(200).body("summary", equalTo("Now with a corrected summary."));
        assertNotEquals(etag, after.header("ETag"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/deployments", "/api/v1/stats/by-vendor"})
    void browsersMayReadFromAnyOrigin(String path) {
        given().header("Origin", "https://dashboard.example").get(path)
                .then().statusCode(200).header("Access-Control-Allow-Origin", "https://dashboard.example");
        given().header("Origin", "https://dashboard.example").header("Access-Control-Request-Method", "GET")
                .options(path).then().statusCode(200).header("Access-Control-Allow-Methods", org.hamcrest.Matchers.containsString("GET"));
    }
}
