package org.surveillanceoversight.vendor;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.surveillanceoversight.TestRecords;
import org.surveillanceoversight.auth.ApiKeyTest;
import org.surveillanceoversight.deployment.DeploymentWriteTest;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Vendors (cited claims with restrictions) and localities (places) are written like deployments. */
@QuarkusTest
public class VendorLocalityWriteTest {

    static Map<String, Object> vendor(String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("hq_country", "CN");
        body.put("ownership", "private");
        body.put("aliases", List.of(Map.of("alias", name + " Ltd", "language", "en")));
        body.put("citations", List.of(Map.of("source_id", TestRecords.MEMO.toString(), "quote", "a vendor")));
        body.put("restrictions", List.of(Map.of("kind", "entity_list", "jurisdiction", "US", "description",
                "Added to the Entity List.", "effective_on", "2019-10",
                "citations", List.of(Map.of("source_id", TestRecords.MEMO.toString())))));
        body.put("change_reason", "a new supplier");
        return body;
    }

    @Test
    void anEditorWritesAVendorWithItsRestrictionsAndEveryStepIsARevision() {
        String editor = ApiKeyTest.newKey("editor");
        String reviewer = ApiKeyTest.newKey("reviewer");
        String name = "[test] Vendor " + UUID.randomUUID();
        Response created = given().auth().oauth2(editor).contentType("application/json").body(vendor(name))
                .post("/api/v1/vendors");
        created.then().statusCode(201).body("name", equalTo(name)).body("restrictions", hasSize(1))
                .body("restrictions[0].effective_precision", equalTo("month"));
        String id = created.path("id");
        Response read = given().get("/api/v1/vendors/" + id);
        read.then().statusCode(200).header("ETag", equalTo(created.header("ETag")));

        // same name again: 422; no citation: 400
        given().auth().oauth2(editor).contentType("application/json").body(vendor(name)).post("/api/v1/vendors")
                .then().statusCode(422).body("errors.field", hasItem("name"));
        Map<String, Object> uncited = vendor(name + " 2");
        uncited.put("citations", List.of());
        given().auth().oauth2(editor).contentType("application/json").body(uncited).post("/api/v1/vendors")
                .then().statusCode(400).body("errors.field", hasItem("citations"));

        Instant before = Instant.now();
        Response patched = given().auth().oauth2(editor).contentType("application/merge-patch+json")
                .header("If-Match", read.header("ETag"))
                .body(Map.of("restrictions", List.of(), "ownership_note", "listed company", "change_reason", "restriction lifted"))
                .patch("/api/v1/vendors/" + id);
        patched.then().statusCode(200).body("restrictions", hasSize(0)).body("ownership_note", equalTo("listed company"));
        assertNotEquals(read.header("ETag"), patched.header("ETag"));
        given().auth().oauth2(editor).contentType("application/merge-patch+json").header("If-Match", read.header("ETag"))
                .body(Map.of("website", "https://example.org", "change_reason", "stale")).patch("/api/v1/vendors/" + id)
                .then().statusCode(412);
        given().queryParam("as_of", before.toString()).get("/api/v1/vendors/" + id).then().statusCode(200)
                .body("restrictions", hasSize(1));
        given().auth().oauth2(reviewer).contentType("application/json").header("If-Match", patched.header("ETag"))
                .body(Map.of("reason", "not a surveillance vendor")).post("/api/v1/vendors/" + id + "/retract")
                .then().statusCode(200).body("retraction.reason", equalTo("not a surveillance vendor"));
        given().get("/api/v1/vendors/" + id + "/history").then().statusCode(200).body("data", hasSize(3))
                .body("data[2].change.after.publication", equalTo("retracted"));
        assertEquals(0, given().queryParam("q", name).get("/api/v1/vendors").then().extract().jsonPath()
                .getList("data").size());
        given().queryParam("q", name).queryParam("publication", "retracted").get("/api/v1/vendors").then()
                .statusCode(200).body("data.id", hasItem(id));
    }

    @Test
    void anEditorWritesALocalityAndAReviewerCannotRetractOneInUse() {
        String editor = ApiKeyTest.newKey("editor");
        String reviewer = ApiKeyTest.newKey("reviewer");
        Map<String, Object> place = new HashMap<>(Map.of("country_code", DeploymentWriteTest.COUNTRY_FOR_PLACES,
                "name_en", "[test] Tauranga", "kind", "city", "latitude", -37.69, "longitude", 176.17,
                "aliases", List.of("Tauranga Moana"), "change_reason", "new place"));
        Response created = given().auth().oauth2(editor).contentType("application/json").body(place).post("/api/v1/localities");
        created.then().statusCode(201).body("name_en", equalTo("[test] Tauranga")).body("deployments.count", equalTo(0));
        String id = created.path("id");
        place.put("latitude", 95);
        given().auth().oauth2(editor).contentType("application/json").body(place).post("/api/v1/localities")
                .then().statusCode(400).body("errors.field", hasItem("latitude"));

        Map<String, Object> deployment = DeploymentWriteTest.deployment("[test] Tauranga cameras");
        deployment.put("country", DeploymentWriteTest.COUNTRY_FOR_PLACES);
        deployment.put("locality_ids", List.of(id));
        given().auth().oauth2(editor).contentType("application/json").body(deployment).post("/api/v1/deployments")
                .then().statusCode(201).body("localities[0].name_en", equalTo("[test] Tauranga"));

        Response read = given().get("/api/v1/localities/" + id);
        read.then().body("deployments.count", equalTo(1));
        given().auth().oauth2(reviewer).contentType("application/json").header("If-Match", read.header("ETag"))
                .body(Map.of("reason", "duplicate")).post("/api/v1/localities/" + id + "/retract").then().statusCode(409);
        Response renamed = given().auth().oauth2(editor).contentType("application/merge-patch+json")
                .header("If-Match", read.header("ETag"))
                .body(Map.of("name_en", "[test] Tauranga City", "change_reason", "official name"))
                .patch("/api/v1/localities/" + id);
        renamed.then().statusCode(200).body("name_en", equalTo("[test] Tauranga City"));
        // the deployment shows the new name, and its history says so
        String deploymentId = given().queryParam("locality", id).get("/api/v1/deployments").then().extract().path("data[0].id");
        given().get("/api/v1/deployments/" + deploymentId).then().body("localities[0].name_en", equalTo("[test] Tauranga City"));
        given().get("/api/v1/deployments/" + deploymentId + "/history").then().body("data", hasSize(2))
                .body("data[1].reason", equalTo("official name"));
        given().get("/api/v1/localities/" + id + "/history").then().body("data.reason",
                hasItem("official name"));
    }

    @Test
    void aVendorIsReplacedWholeAndWritesNamingMissingSourcesAre422AndChangeNothing() {
        String editor = ApiKeyTest.newKey("editor");
        String reviewer = ApiKeyTest.newKey("reviewer");
        String name = "[test] Vendor " + UUID.randomUUID();
        Response created = given().auth().oauth2(editor).contentType("application/json").body(vendor(name))
                .post("/api/v1/vendors");
        String id = created.path("id");
        Map<String, Object> unknownSource = Map.of("source_id", UUID.randomUUID().toString(), "quote", "nowhere");

        Map<String, Object> replaced = vendor(name);
        replaced.put("ownership", "state_owned");
        replaced.put("restrictions", List.of());
        Response put = given().auth().oauth2(editor).contentType("application/json").header("If-Match", created.header("ETag"))
                .body(replaced).put("/api/v1/vendors/" + id);
        put.then().statusCode(200).body("ownership", equalTo("state_owned")).body("restrictions", hasSize(0));

        replaced.put("citations", List.of(unknownSource));
        given().auth().oauth2(editor).contentType("application/json").header("If-Match", put.header("ETag"))
                .body(replaced).put("/api/v1/vendors/" + id).then().statusCode(422)
                .body("errors.field", hasItem(org.hamcrest.Matchers.startsWith("citations")));
        given().auth().oauth2(editor).contentType("application/merge-patch+json").header("If-Match", put.header("ETag"))
                .body(Map.of("citations", List.of(unknownSource), "change_reason", "another source"))
                .patch("/api/v1/vendors/" + id).then().statusCode(422);
        given().get("/api/v1/vendors/" + id).then().header("ETag", equalTo(put.header("ETag")))
                .body("citations", hasSize(1));

        Response retracted = given().auth().oauth2(reviewer).contentType("application/json").header("If-Match", put.header("ETag"))
                .body(Map.of("reason", "a duplicate")).post("/api/v1/vendors/" + id + "/retract");
        retracted.then().statusCode(200);
        given().auth().oauth2(reviewer).contentType("application/json").header("If-Match", retracted.header("ETag"))
                .body(Map.of("reason", "again")).post("/api/v1/vendors/" + id + "/retract").then().statusCode(409);
    }

    @Test
    void aLocalityIsReplacedWholeAndALocalNameWithoutItsScriptIs422() {
        String editor = ApiKeyTest.newKey("editor");
        Map<String, Object> place = new HashMap<>(Map.of("country_code", DeploymentWriteTest.COUNTRY_FOR_PLACES,
                "name_en", "[test] Rotorua", "kind", "city", "change_reason", "new place"));
        Map<String, Object> noScript = new HashMap<>(place);
        noScript.put("name_local", "Rotorua");
        given().auth().oauth2(editor).contentType("application/json").body(noScript).post("/api/v1/localities")
                .then().statusCode(422).body("errors.field", hasItem("local_script"));
        Response created = given().auth().oauth2(editor).contentType("application/json").body(place).post("/api/v1/localities");
        String id = created.path("id");

        place.put("kind", "district");
        Response put = given().auth().oauth2(editor).contentType("application/json").header("If-Match", created.header("ETag"))
                .body(place).put("/api/v1/localities/" + id);
        put.then().statusCode(200).body("kind", equalTo("district"));
        given().auth().oauth2(editor).contentType("application/json").header("If-Match", put.header("ETag"))
                .body(noScript).put("/api/v1/localities/" + id).then().statusCode(422);
        given().auth().oauth2(editor).contentType("application/merge-patch+json").header("If-Match", put.header("ETag"))
                .body(Map.of("name_local", "Rotorua", "change_reason", "local name")).patch("/api/v1/localities/" + id)
                .then().statusCode(422).body("errors.field", hasItem("local_script"));
        given().get("/api/v1/localities/" + id).then().header("ETag", equalTo(put.header("ETag"))).body("kind", equalTo("district"));

        // a deployment placed in a locality that does not exist is refused, and stays as it was
        String deployment = given().auth().oauth2(editor).contentType("application/json")
                .body(DeploymentWriteTest.deployment("[test] Rotorua cameras")).post("/api/v1/deployments").path("id");
        Response read = given().get("/api/v1/deployments/" + deployment);
        given().auth().oauth2(editor).contentType("application/merge-patch+json").header("If-Match", read.header("ETag"))
                .body(Map.of("locality_ids", List.of(UUID.randomUUID().toString()), "change_reason", "placed"))
                .patch("/api/v1/deployments/" + deployment).then().statusCode(422)
                .body("errors.field", hasItem(org.hamcrest.Matchers.startsWith("locality_ids")));
        given().get("/api/v1/deployments/" + deployment).then().header("ETag", equalTo(read.header("ETag")));
    }
}
