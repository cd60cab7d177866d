package org.surveillanceoversight.submission;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.surveillanceoversight.auth.ApiKeyTest;
import org.surveillanceoversight.deployment.DeploymentWriteTest;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Anyone sends a tip or correction; reviewers accept it (an edit) or reject it; no address is kept. */
@QuarkusTest
public class SubmissionTest {

    @jakarta.inject.Inject
    jakarta.persistence.EntityManager em;

    @Test
    void aCorrectionFromAnyoneBecomesAReviewersEdit() {
        String editor = ApiKeyTest.newKey("editor");
        String reviewer = ApiKeyTest.newKey("reviewer");
        String id = given().auth().oauth2(editor).contentType("application/json")
                .body(DeploymentWriteTest.deployment("[test] Napier cameras")).post("/api/v1/deployments").path("id");

        Response sent = given().contentType("application/json").body(Map.of("kind", "correction",
                        "entity_type", "deployment", "entity_id", id, "message", "The operator is the police, see the minutes.",
                        "proposed_change", Map.of("operator_agency", "New Zealand Police"),
                        "source_urls", List.of("https://example.org/minutes")))
                .post("/api/v1/submissions");
        sent.then().statusCode(202).body("state", equalTo("pending")).body("message", nullValue());
        String submission = sent.path("id");

        given().get("/api/v1/submissions").then().statusCode(401);
        given().auth().oauth2(editor).get("/api/v1/submissions").then().statusCode(403);
        given().auth().oauth2(reviewer).get("/api/v1/submissions").then().statusCode(200)
                .body("data.id", hasItem(submission));
        given().get("/api/v1/deployments/" + id).then().body("operator_agency", nullValue());

        given().auth().oauth2(reviewer).contentType("application/json").body(Map.of("note", "checked the minutes"))
                .post("/api/v1/submissions/" + submission + "/accept").then().statusCode(200)
                .body("state", equalTo("accepted")).body("resulting_revision", notNullValue())
                .body("reviewed_by", notNullValue());
        given().get("/api/v1/deployments/" + id).then().body("operator_agency", equalTo("New Zealand Police"));
        given().get("/api/v1/deployments/" + id + "/history").then()
                .body("data[1].reason", equalTo("Submission " + submission + " accepted: checked the minutes"));
        given().auth().oauth2(reviewer).contentType("application/json").body(Map.of("note", "again"))
                .post("/api/v1/submissions/" + submission + "/reject").then().statusCode(409);
        given().auth().oauth2(reviewer).contentType("application/json").body(Map.of("note", "again"))
                .post("/api/v1/submissions/" + submission + "/accept").then().statusCode(409);
        given().auth().oauth2(reviewer).get("/api/v1/submissions").then().body("data.id", not(hasItem(submission)));
    }

    @Test
    void aCorrectionThatWouldBreakTheRecordIsRefusedOnAcceptAndStaysPending() {
        String editor = ApiKeyTest.newKey("editor");
        String reviewer = ApiKeyTest.newKey("reviewer");
        String id = given().auth().oauth2(editor).contentType("application/json")
                .body(DeploymentWriteTest.deployment("[test] Gisborne cameras")).post("/api/v1/deployments").path("id");
        String submission = given().contentType("application/json").body(Map.of("kind", "correction",
                        "entity_type", "deployment", "entity_id", id, "message", "It covers another town too.",
                        "proposed_change", Map.of("locality_ids", List.of(java.util.UUID.randomUUID().toString()))))
                .post("/api/v1/submissions").then().statusCode(202).extract().path("id");
        given().auth().oauth2(reviewer).contentType("application/json").body(Map.of("note", "looks right"))
                .post("/api/v1/submissions/" + submission + "/accept").then().statusCode(422)
                .body("errors.field", hasItem(org.hamcrest.Matchers.startsWith("locality_ids")));
        given().auth().oauth2(reviewer).get("/api/v1/submissions/" + submission).then().statusCode(200)
                .body("state", equalTo("pending"));
        given().get("/api/v1/deployments/" + id + "/history").then().body("data", org.hamcrest.Matchers.hasSize(1));
    }

    @Test
    void aTipIsRejectedWithAReasonAndContactDetailsAreOptional() {
        String reviewer = ApiKeyTest.newKey("reviewer");
        String tip = given().contentType("application/json").body(Map.of("kind", "tip",
                "message", "New cameras on the harbour front.", "contact_email", "reader@example.org"))
                .post("/api/v1/submissions").then().statusCode(202).extract().path("id");
        given().auth().oauth2(reviewer).get("/api/v1/submissions/" + tip).then().statusCode(200)
                .body("contact_email", equalTo("reader@example.org")).body("contact_name", nullValue());
        given().auth().oauth2(reviewer).contentType("application/json").body(Map.of("note", "no source could confirm it"))
                .post("/api/v1/submissions/" + tip + "/reject").then().statusCode(200).body("state", equalTo("rejected"))
                .body("review_note", equalTo("no source could confirm it"));

        given().contentType("application/json").body(Map.of("kind", "correction", "message", "wrong"))
                .post("/api/v1/submissions").then().statusCode(422).body("errors.field", hasItem("entity_id"));
        given().contentType("application/json").body(Map.of("kind", "tip", "message", "x", "contact_email", "not an address"))
                .post("/api/v1/submissions").then().statusCode(400).body("errors.field", hasItem("contact_email"));
        // no column can hold an address
        @SuppressWarnings("unchecked")
        List<String> columns = em.createNativeQuery("select column_name::text from information_schema.columns "
                + "where table_name = 'submission'").getResultList();
        assertFalse(columns.stream().anyMatch(c -> c.contains("ip") || c.contains("addr") || c.contains("agent")), columns.toString());
    }
}
