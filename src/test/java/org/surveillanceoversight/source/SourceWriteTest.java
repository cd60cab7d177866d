package org.surveillanceoversight.source;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.surveillanceoversight.TestRecords;
import org.surveillanceoversight.auth.ApiKeyTest;
import org.surveillanceoversight.deployment.DeploymentWriteTest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An editor adds a source: validated, recorded in the history with who and why, safe to retry. */
@QuarkusTest
public class SourceWriteTest {

    @jakarta.inject.Inject
    io.agroal.api.AgroalDataSource dataSource;

    public static Map<String, Object> source(String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "news");
        body.put("title", title);
        body.put("publisher", "Test Wire");
        body.put("authors", List.of("A. Reporter"));
        body.put("published_on", "2024-07");
        body.put("url", "https://example.org/story");
        body.put("language", "en");
        body.put("change_reason", "cited by a new camera count");
        return body;
    }

    private static int sourcesTitled(String title) {
        return given().queryParam("q", title).get("/api/v1/sources").then().statusCode(200)
                .extract().jsonPath().getList("data").size();
    }

    @Test
    void anEditorCreatesASourceAndItsHistoryRecordsWhoAndWhy() {
        String editor = ApiKeyTest.newKey("editor");
        String editorId = given().auth().oauth2(editor).get("/api/v1/api-keys/me").then().extract().path("id");
        Response created = given().auth().oauth2(editor).contentType("application/json")
                .body(source("[test] Safe city tender notice")).post("/api/v1/sources");
        created.then().statusCode(201).body("title", equalTo("[test] Safe city tender notice"))
                .body("published_on", equalTo("2024-07-01")).body("published_precision", equalTo("month"))
                .body("cited_by", equalTo(0)).body("version", equalTo(0));
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith("/api/v1/sources/" + id), created.header("Location"));
        given().get("/api/v1/sources/" + id).then().statusCode(200).body("publisher", equalTo("Test Wire"));
        given().get("/api/v1/sources/" + id + "/history").then().statusCode(200)
                .body("data", hasSize(1))
                .body("data[0].actor", equalTo("api_key:" + editorId))
                .body("data[0].reason", equalTo("cited by a new camera count"))
                .body("data[0].change.before", nullValue())
                .body("data[0].change.after.title", equalTo("[test] Safe city tender notice"));
    }

    /** The same create sent twice with one Idempotency-Key, each time under the Host given: one record, the first answer twice. */
    private static void sentTwiceWithOneKey(String title, String firstHost, String retryHost) {
        String editor = ApiKeyTest.newKey("editor");
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = source(title);
        Response first = given().auth().oauth2(editor).contentType("application/json").header("Idempotency-Key", key)
                .header("Host", firstHost).body(body).post("/api/v1/sources");
        first.then().statusCode(201);
        Response retry = given().auth().oauth2(editor).contentType("application/json").header("Idempotency-Key", key)
                .header("Host", retryHost).body(body).post("/api/v1/sources");
        retry.then().statusCode(201).header("Location", equalTo(first.header("Location")));
        assertEquals(first.asString(), retry.asString());
        assertEquals(1, sourcesTitled(title));

        given().auth().oauth2(editor).contentType("application/json").header("Idempotency-Key", key)
                .body(source("[test] Something else " + key)).post("/api/v1/sources")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("Idempotency-Key"));
        assertEquals(0, sourcesTitled("[test] Something else " + key));
    }

    @Test
    void aRetryWithTheSameKeyWritesNothingTwice() {
        sentTwiceWithOneKey("[test] Retried once " + TestRecords.RUN, "localhost", "localhost");
    }

    @Test
    void aRetryThatReachesAnotherReplicaIsTheSameRequest() {
        // behind a load balancer the retry may come in under another host name or port (ReplicasIT found it a 422)
        sentTwiceWithOneKey("[test] Retried on another replica " + TestRecords.RUN, "replica-a.internal:8080", "replica-b.internal:8081");
    }

    @Test
    void badSourcesChangeNothing() {
        String editor = ApiKeyTest.newKey("editor");
        Map<String, Object> noReason = source("[test] no reason");
        noReason.remove("change_reason");
        Map<String, Object> badUrl = source("[test] bad url");
        badUrl.put("url", "javascript:alert(1)");
        Map<String, Object> badDate = source("[test] bad date");
        badDate.put("published_on", "2024-13");
        Map<String, Object> badKind = source("[test] bad kind");
        badKind.put("kind", "rumour");
        for (var pair : List.of(Map.entry(noReason, "change_reason"), Map.entry(badUrl, "url"),
                Map.entry(badDate, "published_on"), Map.entry(badKind, "kind"))) {
            given().auth().oauth2(editor).contentType("application/json").body(pair.getKey()).post("/api/v1/sources")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem(pair.getValue()));
        }
        assertEquals(0, sourcesTitled("[test] bad"));
        assertEquals(0, sourcesTitled("[test] no reason"));
    }

    private static String created(String editor, String title) {
        return given().auth().oauth2(editor).contentType("application/json").body(source(title))
                .post("/api/v1/sources").then().statusCode(201).extract().path("id");
    }

    @Test
    void updatesNeedTheCurrentETagAndAreRecorded() throws java.sql.SQLException {
        String editor = ApiKeyTest.newKey("editor");
        String id = created(editor, "[test] To be corrected");
        String path = "/api/v1/sources/" + id;
        String etag = given().get(path).then().statusCode(200).extract().header("ETag");
        assertEquals(etagOfLatestRevision(path), etag);

        Map<String, Object> corrected = source("[test] Corrected title");
        corrected.put("change_reason", "typo in the title");
        given().auth().oauth2(editor).contentType("application/json").body(corrected).put(path)
                .then().statusCode(428).contentType("application/problem+json");
        String etag1 = given().auth().oauth2(editor).contentType("application/json").header("If-Match", etag)
                .body(corrected).put(path).then().statusCode(200).body("title", equalTo("[test] Corrected title"))
                .body("version", equalTo(1)).extract().header("ETag");
        assertEquals(etagOfLatestRevision(path), etag1);
        assertNotEquals(etag, etag1);
        // the old tag is stale now
        given().auth().oauth2(editor).contentType("application/json").header("If-Match", etag)
                .body(corrected).put(path).then().statusCode(412).contentType("application/problem+json");

        String etag2 = given().auth().oauth2(editor).contentType("application/merge-patch+json").header("If-Match", etag1)
                .body("{\"publisher\": null, \"notes\": \"seen in print\", \"change_reason\": \"publisher unknown\"}")
                .patch(path).then().statusCode(200).body("publisher", nullValue()).body("notes", equalTo("seen in print"))
                .body("title", equalTo("[test] Corrected title")).body("version", equalTo(2)).extract().header("ETag");
        given().auth().oauth2(editor).contentType("application/merge-patch+json").header("If-Match", etag2)
                .body("{\"title\": null, \"change_reason\": \"oops\"}").patch(path)
                .then().statusCode(400).body("errors.field", hasItem("title"));
        given().auth().oauth2(editor).contentType("application/merge-patch+json").header("If-Match", etag2)
                .body("{\"url\": \"http://x\"}").patch(path)
                .then().statusCode(400).body("errors.field", hasItem("change_reason"));

        // citing the source changes what it shows, so its tag: a 304 would be wrong, an old If-Match is stale
        String tagBeforeCitation = given().get(path).then().extract().header("ETag");
        Map<String, Object> citing = DeploymentWriteTest.deployment("[test] cites a new source " + TestRecords.RUN);
        citing.put("citations", List.of(Map.of("source_id", id, "quote", "The new source says so.")));
        given().auth().oauth2(editor).contentType("application/json").body(citing).post("/api/v1/deployments")
                .then().statusCode(201);
        String tagAfterCitation = given().header("If-None-Match", tagBeforeCitation).get(path).then().statusCode(200)
                .body("cited_by", equalTo(1)).extract().header("ETag");
        assertNotEquals(tagBeforeCitation, tagAfterCitation);
        assertEquals(etagOfLatestRevision(path), tagAfterCitation);
        given().auth().oauth2(editor).contentType("application/merge-patch+json").header("If-Match", tagBeforeCitation)
                .body("{\"notes\": \"late\", \"change_reason\": \"late edit\"}").patch(path).then().statusCode(412);

        given().get(path + "/history").then().body("data", hasSize(4))
                .body("data[1].change.before.title", equalTo("[test] To be corrected"))
                .body("data[1].change.after.title", equalTo("[test] Corrected title"))
                .body("data[2].reason", equalTo("publisher unknown"));
    }

    @Test
    void reviewersRetractWithAReasonAndTheSourceStays() {
        String id = created(ApiKeyTest.newKey("editor"), "[test] Turned out fake");
        String path = "/api/v1/sources/" + id;
        String etag = given().get(path).then().extract().header("ETag");
        given().auth().oauth2(ApiKeyTest.newKey("editor")).contentType("application/json").header("If-Match", etag)
                .body(Map.of("reason", "fabricated")).post(path + "/retract").then().statusCode(403);
        String reviewer = ApiKeyTest.newKey("reviewer");
        String retracted = given().auth().oauth2(reviewer).contentType("application/json").header("If-Match", etag)
                .body(Map.of("reason", "the outlet withdrew the story")).post(path + "/retract")
                .then().statusCode(200).body("publication", equalTo("retracted")).extract().header("ETag");
        given().get(path).then().statusCode(200).body("publication", equalTo("retracted"));
        assertEquals(0, sourcesTitled("[test] Turned out fake"), "retracted sources leave the list");
        given().auth().oauth2(reviewer).contentType("application/json").header("If-Match", retracted)
                .body(Map.of("reason", "again")).post(path + "/retract").then().statusCode(409);
    }

    @Test
    void twoEditorsRacingOnOneSourceExactlyOneWins() throws Exception {
        String id = created(ApiKeyTest.newKey("editor"), "[test] Contested");
        String path = "/api/v1/sources/" + id;
        String etag = given().get(path).then().extract().header("ETag");
        List<String> editors = List.of(ApiKeyTest.newKey("editor"), ApiKeyTest.newKey("editor"),
                ApiKeyTest.newKey("editor"), ApiKeyTest.newKey("editor"));
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(editors.size());
        List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
        for (int i = 0; i < editors.size(); i++) {
            String editor = editors.get(i);
            Map<String, Object> body = source("[test] Contested, edit " + i);
            results.add(pool.submit(() -> {
                start.await();
                return given().auth().oauth2(editor).contentType("application/json").header("If-Match", etag)
                        .body(body).put(path).statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = new java.util.ArrayList<>();
        for (var result : results) {
            statuses.add(result.get(60, java.util.concurrent.TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(editors.size() - 1, statuses.stream().filter(s -> s == 412).count(), statuses.toString());
        given().get(path + "/history").then().body("data", hasSize(2));
        given().get(path).then().body("version", equalTo(1));
    }

    @Test
    void onlyEditorsAndAboveWrite() {
        given().contentType("application/json").body(source("[test] anonymous")).post("/api/v1/sources")
                .then().statusCode(401);
        given().auth().oauth2(ApiKeyTest.newKey("contributor")).contentType("application/json")
                .body(source("[test] contributor")).post("/api/v1/sources").then().statusCode(403);
        given().auth().oauth2(ApiKeyTest.newKey("reviewer")).contentType("application/json")
                .body(source("[test] reviewer")).post("/api/v1/sources").then().statusCode(201);
        assertEquals(0, sourcesTitled("[test] anonymous"));
        assertEquals(0, sourcesTitled("[test] contributor"));
    }

    /** The ETag every record has: made from the ID of its latest revision. */
    private static String etagOfLatestRevision(String path) {
        List<Integer> ids = given().get(path + "/history").then().statusCode(200).extract().jsonPath().getList("data.id");
        assertFalse(ids.isEmpty(), "a written record has revisions");
        return "\"r" + ids.get(ids.size() - 1) + "\"";
    }
}
