package org.surveillanceoversight.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.surveillanceoversight.TestRecords;
import org.surveillanceoversight.auth.ApiKeyTest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Editors write deployments as whole aggregates: every claim cited, validated before anything is
 * written, guarded by If-Match, recorded in the history, readable as of any past moment.
 */
@QuarkusTest
public class DeploymentWriteTest {

    static final String COUNTRY = "NZ";
    public static final String COUNTRY_FOR_PLACES = "FJ";
    private static final ObjectMapper JSON = new ObjectMapper();

    static Map<String, Object> citation(String quote) {
        Map<String, Object> c = new HashMap<>();
        c.put("source_id", TestRecords.MEMO.toString());
        c.put("quote", quote);
        return c;
    }

    /** A deployment with one part of each kind, every claim cited. */
    public static Map<String, Object> deployment(String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("summary", "A city council's camera network.");
        body.put("program_type", "safe_city");
        body.put("country", COUNTRY);
        body.put("confidence", "medium");
        body.put("public_spaces", List.of("central square"));
        body.put("citations", List.of(citation("The council installed cameras.")));
        body.put("vendors", List.of(Map.of("vendor_id", TestRecords.HUAWEI.toString(), "role", "supplier",
                "citations", List.of(citation("Huawei supplied them.")))));
        body.put("status_history", List.of(Map.of("status", "announced", "occurred_on", "2019",
                "citations", List.of(citation("Announced in 2019.")))));
        body.put("camera_counts", List.of(new HashMap<>(Map.of("observed_on", "2020-03", "total", 400,
                "total_qualifier", "exact", "facial_recognition", 40, "facial_recognition_qualifier", "over",
                "basis", "official", "citations", List.of(citation("400 cameras, over 40 with face recognition."))))));
        body.put("capabilities", List.of(Map.of("code", "face_identification_realtime", "evidence_level", "reported",
                "citations", List.of(citation("Live face matching.")))));
        body.put("financing", List.of(Map.of("instrument", "loan", "lender", "Test Bank", "amount", "1000000.00",
                "currency", "USD", "amount_qualifier", "exact", "citations", List.of(citation("A USD 1m loan.")))));
        body.put("change_reason", "new deployment from the council minutes");
        return body;
    }

    static Response create(String key, Map<String, Object> body) {
        return given().auth().oauth2(key).contentType("application/json").body(body).post("/api/v1/deployments");
    }

    private static int listed(String title) {
        return given().queryParam("q", title).queryParam("country", COUNTRY).get("/api/v1/deployments").then()
                .statusCode(200).extract().jsonPath().getList("data").size();
    }

    private static Map<String, Object> inputOf(String id) {
        return given().get("/api/v1/deployments/" + id + "/input").then().statusCode(200).extract().jsonPath().getMap("");
    }

    @Test
    void anEditorCreatesADeploymentWithCitedClaimsAndItsHistorySaysWhoAndWhy() {
        String editor = ApiKeyTest.newKey("editor");
        String editorId = given().auth().oauth2(editor).get("/api/v1/api-keys/me").then().extract().path("id");
        Response created = create(editor, deployment("[test] Wellington camera network " + TestRecords.RUN));
        created.then().statusCode(201)
                .body("title", equalTo("[test] Wellington camera network " + TestRecords.RUN))
                .body("country.code", equalTo(COUNTRY))
                .body("status", equalTo("announced"))
                .body("vendors[0].vendor_name", equalTo("Huawei"))
                .body("camera_counts[0].total", equalTo(400))
                .body("camera_counts[0].facial_recognition_qualifier", equalTo("over"))
                .body("capabilities[0].code", equalTo("face_identification_realtime"))
                .body("financing[0].amount", equalTo("1000000.00"))
                .body("citations[0].source.id", equalTo(TestRecords.MEMO.toString()));
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith("/api/v1/deployments/" + id));
        String etag = created.header("ETag");
        assertTrue(etag.matches("\"r\\d+\""), etag);
        given().get("/api/v1/deployments/" + id).then().statusCode(200).header("ETag", etag)
                .body("camera_counts[0].citations[0].quote", equalTo("400 cameras, over 40 with face recognition."));
        assertEquals(1, listed("Wellington camera network " + TestRecords.RUN));
        given().get("/api/v1/deployments/" + id + "/history").then().statusCode(200)
                .body("data", hasSize(1))
                .body("data[0].actor", equalTo("api_key:" + editorId))
                .body("data[0].reason", equalTo("new deployment from the council minutes"))
                .body("data[0].change.before", nullValue())
                .body("data[0].change.after.title", equalTo("[test] Wellington camera network " + TestRecords.RUN));
    }

    @Test
    void badInputIsRefusedWithTheFieldNamedAndChangesNothing() {
        String editor = ApiKeyTest.newKey("editor");
        String title = "[test] Refused deployment " + UUID.randomUUID();

        Map<String, Object> uncited = deployment(title);
        uncited.put("citations", List.of());
        create(editor, uncited).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("citations"));

        Map<String, Object> uncitedPart = deployment(title);
        uncitedPart.put("camera_counts", List.of(Map.of("total", 5, "total_qualifier", "exact", "basis", "press")));
        create(editor, uncitedPart).then().statusCode(400).body("errors.field", hasItem("camera_counts[0].citations"));

        Map<String, Object> tooManyFaces = deployment(title);
        @SuppressWarnings("unchecked")
        Map<String, Object> count = ((List<Map<String, Object>>) tooManyFaces.get("camera_counts")).get(0);
        count.put("facial_recognition", 401);
        count.put("facial_recognition_qualifier", "exact");
        create(editor, tooManyFaces).then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("camera_counts[0].facial_recognition"));

        Map<String, Object> unknowns = deployment(title);
        unknowns.put("country", "XX");
        unknowns.put("vendors", List.of(Map.of("vendor_id", UUID.randomUUID().toString(), "role", "supplier",
                "citations", List.of(citation("?")))));
        unknowns.put("citations", List.of(Map.of("source_id", UUID.randomUUID().toString())));
        create(editor, unknowns).then().statusCode(422)
                .body("errors.field", hasItem("country"))
                .body("errors.field", hasItem("vendors[0].vendor_id"))
                .body("errors.field", hasItem("citations[0].source_id"));

        Map<String, Object> datesBackwards = deployment(title);
        datesBackwards.put("status_history", List.of(
                Map.of("status", "announced", "occurred_on", "2020", "citations", List.of(citation("a"))),
                Map.of("status", "operational", "occurred_on", "2019-05", "citations", List.of(citation("b")))));
        create(editor, datesBackwards).then().statusCode(422).body("errors.field", hasItem("status_history[1].occurred_on"));

        Map<String, Object> wrongType = deployment(title);
        wrongType.put("program_type", "panopticon");
        create(editor, wrongType).then().statusCode(400).body("errors.field", hasItem("program_type"));

        Map<String, Object> noReason = deployment(title);
        noReason.remove("change_reason");
        create(editor, noReason).then().statusCode(400).body("errors.field", hasItem("change_reason"));

        assertEquals(0, listed(title.substring(7)));
    }

    @Test
    void aPutUpdatesPartsByIdAddsNewOnesAndRetractsThoseLeftOut() {
        String editor = ApiKeyTest.newKey("editor");
        Response created = create(editor, deployment("[test] Auckland cameras"));
        String id = created.path("id");
        String countId = created.path("camera_counts[0].id");
        String capabilityId = created.path("capabilities[0].id");

        Map<String, Object> input = inputOf(id);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> counts = new ArrayList<>((List<Map<String, Object>>) input.get("camera_counts"));
        counts.get(0).put("note", "the 2020 figure, checked");
        counts.add(new HashMap<>(Map.of("observed_on", "2022", "total", 650, "total_qualifier", "approximately",
                "basis", "press", "citations", List.of(citation("About 650 cameras by 2022.")))));
        input.put("camera_counts", counts);
        input.put("capabilities", List.of());
        input.put("change_reason", "2022 figure from the press; live face matching not confirmed");

        given().auth().oauth2(editor).contentType("application/json").body(input)
                .put("/api/v1/deployments/" + id).then().statusCode(428).body("errors.field", hasItem("If-Match"));
        given().auth().oauth2(editor).contentType("application/json").header("If-Match", "\"r1\"").body(input)
                .put("/api/v1/deployments/" + id).then().statusCode(412);

        Response updated = given().auth().oauth2(editor).contentType("application/json")
                .header("If-Match", created.header("ETag")).body(input).put("/api/v1/deployments/" + id);
        updated.then().statusCode(200)
                .body("camera_counts", hasSize(2))
                .body("camera_counts[0].total", equalTo(650))
                .body("camera_counts[1].id", equalTo(countId))
                .body("camera_counts[1].note", equalTo("the 2020 figure, checked"))
                .body("capabilities", hasSize(0));
        assertNotEquals(created.header("ETag"), updated.header("ETag"));
        // the old ETag no longer matches
        given().auth().oauth2(editor).contentType("application/json").header("If-Match", created.header("ETag"))
                .body(input).put("/api/v1/deployments/" + id).then().statusCode(412);
        // the capability is retracted, not deleted: its revision keeps it
        given().get("/api/v1/deployments/" + id + "/history").then().statusCode(200)
                .body("data", hasSize(2))
                .body("data[1].reason", equalTo("2022 figure from the press; live face matching not confirmed"))
                .body("data[1].change.before.capabilities[0].id", equalTo(capabilityId))
                .body("data[1].change.after.capabilities", hasSize(0));
        // an id from another deployment is refused
        Response other = create(editor, deployment("[test] Hamilton cameras"));
        Map<String, Object> foreign = inputOf(other.path("id"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> foreignCounts = (List<Map<String, Object>>) foreign.get("camera_counts");
        foreignCounts.get(0).put("id", countId);
        foreign.put("change_reason", "wrong part");
        given().auth().oauth2(editor).contentType("application/json").header("If-Match", other.header("ETag"))
                .body(foreign).put("/api/v1/deployments/" + other.path("id")).then().statusCode(422)
                .body("errors.field", hasItem("camera_counts[0].id"));
    }

    private static Map<String, Object> loan(String description, Integer trancheOfIndex) {
        Map<String, Object> loan = new HashMap<>(Map.of("instrument", "loan", "description", description,
                "citations", List.of(citation(description + " as the minutes put it."))));
        if (trancheOfIndex != null) {
            loan.put("tranche_of_index", trancheOfIndex);
        }
        return loan;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> financingNamed(List<?> financing, String description) {
        return financing.stream().map(f -> (Map<String, Object>) f).filter(f -> description.equals(f.get("description")))
                .findFirst().orElseThrow(() -> new AssertionError("no financing " + description + " in " + financing));
    }

    @Test
    void aPackageAndItsTranchesAreWrittenInOneRequestByPosition() {
        String editor = ApiKeyTest.newKey("editor");
        Map<String, Object> body = deployment("[test] Suva camera loans " + TestRecords.RUN);
        // the tranches come first in the list: the package is still written before them
        body.put("financing", List.of(loan("first tranche", 2), loan("second tranche", 2), loan("the package", null)));
        Response created = create(editor, body);
        created.then().statusCode(201).body("financing", hasSize(3));
        String id = created.path("id");
        List<?> financing = created.jsonPath().getList("financing");
        Object pkg = financingNamed(financing, "the package").get("id");
        assertEquals(null, financingNamed(financing, "the package").get("tranche_of"));
        assertEquals(pkg, financingNamed(financing, "first tranche").get("tranche_of"));
        assertEquals(pkg, financingNamed(financing, "second tranche").get("tranche_of"));
        given().get("/api/v1/deployments/" + id).then().statusCode(200).body("financing.tranche_of", hasItem(pkg));

        // the input form names the package by its ID; a replace adds a new package and a tranche of it by position
        Map<String, Object> input = inputOf(id);
        List<Object> again = new ArrayList<>((List<?>) input.get("financing"));
        assertEquals(pkg, financingNamed(again, "first tranche").get("tranche_of"));
        assertEquals(null, financingNamed(again, "first tranche").get("tranche_of_index"));
        again.add(loan("a tranche of the second package", again.size() + 1));
        again.add(loan("the second package", null));
        input.put("financing", again);
        input.put("change_reason", "a second loan package from the council minutes");
        Response replaced = given().auth().oauth2(editor).contentType("application/json")
                .header("If-Match", created.header("ETag")).body(input).put("/api/v1/deployments/" + id);
        replaced.then().statusCode(200).body("financing", hasSize(5));
        List<?> five = replaced.jsonPath().getList("financing");
        assertEquals(financingNamed(five, "the second package").get("id"),
                financingNamed(five, "a tranche of the second package").get("tranche_of"));
        assertEquals(pkg, financingNamed(five, "second tranche").get("tranche_of"));

        // a cycle is refused with the fields named, and changes nothing
        input.put("financing", List.of(loan("one", 1), loan("two", 0)));
        given().auth().oauth2(editor).contentType("application/json").header("If-Match", replaced.header("ETag"))
                .body(input).put("/api/v1/deployments/" + id).then().statusCode(422)
                .body("errors.field", hasItem("financing[0].tranche_of_index"))
                .body("errors.field", hasItem("financing[1].tranche_of_index"));
        given().get("/api/v1/deployments/" + id).then().statusCode(200).header("ETag", replaced.header("ETag"))
                .body("financing", hasSize(5));
    }

    @Test
    void aMergePatchChangesOnlyWhatItNames() {
        String editor = ApiKeyTest.newKey("editor");
        Response created = create(editor, deployment("[test] Christchurch cameras"));
        String id = created.path("id");
        Response patched = given().auth().oauth2(editor).contentType("application/merge-patch+json")
                .header("If-Match", created.header("ETag"))
                .body(Map.of("operator_agency", "Christchurch City Council", "change_reason", "operator named"))
                .patch("/api/v1/deployments/" + id);
        patched.then().statusCode(200).body("operator_agency", equalTo("Christchurch City Council"))
                .body("camera_counts", hasSize(1)).body("vendors", hasSize(1)).body("title", equalTo("[test] Christchurch cameras"));
        given().auth().oauth2(editor).contentType("application/merge-patch+json")
                .header("If-Match", patched.header("ETag"))
                .body(Map.of("confidence", "certain", "change_reason", "x"))
                .patch("/api/v1/deployments/" + id).then().statusCode(400).body("errors.field", hasItem("confidence"));
        given().auth().oauth2(editor).contentType("application/merge-patch+json")
                .header("If-Match", patched.header("ETag"))
                .body(Map.of("title", "no reason given"))
                .patch("/api/v1/deployments/" + id).then().statusCode(400).body("errors.field", hasItem("change_reason"));
        given().get("/api/v1/deployments/" + id).then().body("title", equalTo("[test] Christchurch cameras"));
    }

    @Test
    void anOversightAssessmentIsWrittenWithCitedScoresAndANewDateAddsOne() {
        String editor = ApiKeyTest.newKey("editor");
        Map<String, Object> body = deployment("[test] Oversight deployment");
        Map<String, Object> assessment = new HashMap<>(Map.of("as_of", "2024-05-01", "assessed_by", "test desk",
                "criteria", List.of(
                        Map.of("criterion", "legal_basis", "score", "yes", "citations", List.of(citation("A bylaw."))),
                        Map.of("criterion", "use_policy_published", "score", "yes", "citations", List.of(citation("Policy."))),
                        Map.of("criterion", "costs_financing_disclosed", "score", "partial", "citations", List.of(citation("Costs."))),
                        Map.of("criterion", "retention_limit", "score", "unknown"))));
        body.put("oversight", assessment);
        Response created = create(editor, body);
        created.then().statusCode(201).body("oversight.label", equalTo("disclosed"))
                .body("oversight.as_of", equalTo("2024-05-01"))
                .body("oversight.criteria.find { it.criterion == 'legal_basis' }.citations[0].quote", equalTo("A bylaw."));
        String id = created.path("id");

        Map<String, Object> uncited = deployment("[test] Oversight uncited");
        uncited.put("oversight", Map.of("as_of", "2024-05-01", "assessed_by", "desk",
                "criteria", List.of(Map.of("criterion", "legal_basis", "score", "no"))));
        create(editor, uncited).then().statusCode(422).body("errors.field", hasItem("oversight.criteria[0].citations"));

        Response later = given().auth().oauth2(editor).contentType("application/merge-patch+json")
                .header("If-Match", created.header("ETag"))
                .body(Map.of("oversight", Map.of("as_of", "2025-01-15", "assessed_by", "test desk",
                        "criteria", List.of(Map.of("criterion", "legal_basis", "score", "no",
                                "citations", List.of(citation("The bylaw was annulled."))))), "change_reason", "bylaw annulled"))
                .patch("/api/v1/deployments/" + id);
        later.then().statusCode(200).body("oversight.as_of", equalTo("2025-01-15")).body("oversight.label", equalTo("none"));
        // withdrawing the new assessment shows the earlier one again
        given().auth().oauth2(editor).contentType("application/merge-patch+json").header("If-Match", later.header("ETag"))
                .body("{\"oversight\": null, \"change_reason\": \"assessment withdrawn\"}")
                .patch("/api/v1/deployments/" + id).then().statusCode(200)
                .body("oversight.as_of", equalTo("2024-05-01")).body("oversight.label", equalTo("disclosed"));
    }

    @Test
    void ofEditorsRacingWithOneEtagExactlyOneWins() throws Exception {
        String editor = ApiKeyTest.newKey("editor");
        Response created = create(editor, deployment("[test] Raced deployment"));
        String id = created.path("id");
        String etag = created.header("ETag");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> racers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String agency = "Agency " + i;
                racers.add(() -> given().auth().oauth2(editor).contentType("application/merge-patch+json")
                        .header("If-Match", etag).body(Map.of("operator_agency", agency, "change_reason", "race"))
                        .patch("/api/v1/deployments/" + id).statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(racers)) {
                statuses.add(f.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertEquals(3, statuses.stream().filter(s -> s == 412).count(), statuses.toString());
        } finally {
            pool.shutdown();
        }
        given().get("/api/v1/deployments/" + id + "/history").then().body("data", hasSize(2));
    }

    @Test
    void aReviewerRetractsADeploymentWhichLeavesTheListButSaysWhyWhenRead() {
        String editor = ApiKeyTest.newKey("editor");
        String reviewer = ApiKeyTest.newKey("reviewer");
        Response created = create(editor, deployment("[test] Retracted deployment"));
        String id = created.path("id");
        given().auth().oauth2(editor).contentType("application/json").header("If-Match", created.header("ETag"))
                .body(Map.of("reason", "x")).post("/api/v1/deployments/" + id + "/retract").then().statusCode(403);
        Response retracted = given().auth().oauth2(reviewer).contentType("application/json")
                .header("If-Match", created.header("ETag"))
                .body(Map.of("reason", "The council says the minutes were a draft.")).post("/api/v1/deployments/" + id + "/retract");
        retracted.then().statusCode(200).body("publication", equalTo("retracted"))
                .body("retraction.reason", equalTo("The council says the minutes were a draft."));
        given().get("/api/v1/deployments/" + id).then().statusCode(200).body("publication", equalTo("retracted"))
                .body("retraction.reason", equalTo("The council says the minutes were a draft."));
        assertEquals(0, listed("Retracted deployment"));
        // asked for, retracted ones are listed, saying why
        given().queryParam("publication", "retracted").queryParam("country", COUNTRY).queryParam("q", "Retracted deployment")
                .get("/api/v1/deployments").then().statusCode(200)
                .body("data.id", hasItem(id))
                .body("data.find { it.id == '" + id + "' }.retraction.reason", equalTo("The council says the minutes were a draft."));
        given().queryParam("publication", "draft").get("/api/v1/deployments").then().statusCode(400)
                .body("errors.field", hasItem("publication"));
        given().auth().oauth2(reviewer).contentType("application/json").header("If-Match", retracted.header("ETag"))
                .body(Map.of("reason", "again")).post("/api/v1/deployments/" + id + "/retract").then().statusCode(409);
    }

    @Test
    void aRetriedCreateWritesOnce() {
        String editor = ApiKeyTest.newKey("editor");
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = deployment("[test] Retried deployment " + TestRecords.RUN);
        Response first = given().auth().oauth2(editor).contentType("application/json").header("Idempotency-Key", key)
                .body(body).post("/api/v1/deployments");
        first.then().statusCode(201);
        Response retry = given().auth().oauth2(editor).contentType("application/json").header("Idempotency-Key", key)
                .body(body).post("/api/v1/deployments");
        retry.then().statusCode(201).header("Location", equalTo(first.header("Location")));
        assertEquals(first.asString(), retry.asString());
        assertEquals(1, listed("Retried deployment " + TestRecords.RUN));
        body.put("title", "[test] Retried deployment, changed " + TestRecords.RUN);
        given().auth().oauth2(editor).contentType("application/json").header("Idempotency-Key", key)
                .body(body).post("/api/v1/deployments").then().statusCode(422);
    }

    @Test
    void asOfReturnsWhatTheApiReturnedAtThatMoment() throws Exception {
        String editor = ApiKeyTest.newKey("editor");
        Response created = create(editor, deployment("[test] As-of deployment " + TestRecords.RUN));
        String id = created.path("id");
        String savedThen = given().get("/api/v1/deployments/" + id).asString();
        Thread.sleep(20);
        Instant then = Instant.now();
        Thread.sleep(20);
        given().auth().oauth2(editor).contentType("application/merge-patch+json").header("If-Match", created.header("ETag"))
                .body(Map.of("title", "[test] As-of deployment, renamed " + TestRecords.RUN, "change_reason", "renamed"))
                .patch("/api/v1/deployments/" + id).then().statusCode(200);
        String savedNow = given().get("/api/v1/deployments/" + id).asString();

        String asOfThen = given().queryParam("as_of", then.toString()).get("/api/v1/deployments/" + id).then()
                .statusCode(200).extract().asString();
        assertEquals(JSON.readTree(savedThen), JSON.readTree(asOfThen));
        assertEquals(savedThen, asOfThen, "the same bytes, field order included");
        String asOfNow = given().queryParam("as_of", Instant.now().toString()).get("/api/v1/deployments/" + id).asString();
        assertEquals(JSON.readTree(savedNow), JSON.readTree(asOfNow));
        given().queryParam("as_of", "2000-01-01T00:00:00Z").get("/api/v1/deployments/" + id).then().statusCode(404);
        given().queryParam("as_of", "yesterday").get("/api/v1/deployments/" + id).then().statusCode(400)
                .body("errors.field", hasItem("as_of"));

        // the list as of then holds the old title, not the new one
        List<String> titlesThen = allTitles(then.toString());
        assertTrue(titlesThen.contains("[test] As-of deployment " + TestRecords.RUN));
        assertTrue(!titlesThen.contains("[test] As-of deployment, renamed " + TestRecords.RUN));
        given().queryParam("as_of", then.toString()).queryParam("country", "UA").get("/api/v1/deployments")
                .then().statusCode(400).body("errors.field", hasItem("country"));
    }

    private static List<String> allTitles(String asOf) {
        List<String> titles = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("as_of", asOf).queryParam("limit", 500);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/v1/deployments").then().statusCode(200).extract().jsonPath();
            titles.addAll(page.getList("data.title"));
            cursor = page.getString("next_cursor");
        } while (cursor != null);
        return titles;
    }

    @Test
    void editingASourceRecordsTheDeploymentsThatShowIt() throws Exception {
        String editor = ApiKeyTest.newKey("editor");
        Response source = given().auth().oauth2(editor).contentType("application/json")
                .body(org.surveillanceoversight.source.SourceWriteTest.source("[test] Council minutes"))
                .post("/api/v1/sources");
        String sourceId = source.path("id");
        Map<String, Object> body = deployment("[test] Dunedin cameras");
        body.put("citations", List.of(Map.of("source_id", sourceId, "quote", "Cameras were approved.")));
        String id = create(editor, body).path("id");
        Response read = given().get("/api/v1/sources/" + sourceId);
        given().auth().oauth2(editor).contentType("application/merge-patch+json").header("If-Match", read.header("ETag"))
                .body(Map.of("title", "[test] Council minutes, 12 May", "change_reason", "full title"))
                .patch("/api/v1/sources/" + sourceId).then().statusCode(200);
        given().get("/api/v1/deployments/" + id).then().body("citations[0].source.title", equalTo("[test] Council minutes, 12 May"));
        given().get("/api/v1/deployments/" + id + "/history").then()
                .body("data", hasSize(2))
                .body("data[1].reason", equalTo("full title"))
                .body("data[1].change.after.citations[0].source.title", equalTo("[test] Council minutes, 12 May"));
        JsonNode changes = JSON.readTree(given().queryParam("entity_type", "source").queryParam("limit", 1000)
                .get("/api/v1/changes").asString());
        boolean found = false;
        for (JsonNode c : changes.get("data")) {
            found |= c.get("entity_id").asText().equals(sourceId) && c.path("change").path("after").path("cited_by").asInt() == 1
                    && c.get("reason").asText().equals("new deployment from the council minutes");
        }
        assertTrue(found, "the source's new citation count is a revision of the source");
        given().get("/api/v1/sources/" + sourceId).then().body("cited_by", equalTo(1)).body("title", not(equalTo("")));
    }
}
