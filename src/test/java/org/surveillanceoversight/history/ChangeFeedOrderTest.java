package org.surveillanceoversight.history;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.surveillanceoversight.TestRecords;
import org.surveillanceoversight.auth.ApiKeyTest;
import org.surveillanceoversight.deployment.DeploymentWriteTest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The change feed under eight concurrent writers: a client that polls while they write sees every
 * revision exactly once, in increasing order, and misses none (a revision committed after a later
 * one was served would be skipped by a client continuing from its cursor).
 */
@QuarkusTest
class ChangeFeedOrderTest {

    private static final int WRITERS = 8;
    private static final int WRITES_EACH = 12;

    @Test
    void eightWritersAndAPollingClientThatMissesNothing() throws Exception {
        String start = latestCursor();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            keys.add(ApiKeyTest.newKey("editor"));
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Long> seen = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
        Future<String> reader = pool.submit(() -> {
            String cursor = start;
            boolean last = false;
            while (true) {
                boolean done = !writing.get(); // read before the page: a page read after the writers finished is complete
                JsonPath page = given().queryParam("since", cursor).queryParam("limit", 50).get("/api/v1/changes")
                        .then().statusCode(200).extract().jsonPath();
                List<Integer> ids = page.getList("data.id");
                assertNotNull(ids, "a page has data");
                ids.forEach(id -> seen.add(id.longValue()));
                cursor = page.getString("next_cursor");
                if (ids.isEmpty() && done) {
                    if (last) {
                        return cursor;
                    }
                    last = true;
                }
            }
        });
        List<Future<List<String>>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            String key = keys.get(w);
            int writer = w;
            writers.add(pool.submit(() -> {
                List<String> created = new ArrayList<>();
                for (int i = 0; i < WRITES_EACH; i++) {
                    created.add(given().auth().oauth2(key).contentType("application/json")
                            .body(Map.of("kind", "dataset", "title", "[test] feed order " + TestRecords.RUN + " " + writer + "/" + i,
                                    "language", "en", "change_reason", "feed order test"))
                            .post("/api/v1/sources").then().statusCode(201).extract().path("id"));
                }
                return created;
            }));
        }
        Set<String> created = new HashSet<>();
        for (Future<List<String>> w : writers) {
            created.addAll(w.get(120, TimeUnit.SECONDS));
        }
        writing.set(false);
        reader.get(120, TimeUnit.SECONDS);
        pool.shutdown();

        assertEquals(WRITERS * WRITES_EACH, created.size());
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i) > seen.get(i - 1), "served in increasing order, each once: " + seen.get(i - 1)
                    + " then " + seen.get(i));
        }
        // every revision of what the writers created was served while they wrote
        Map<Long, String> revisionOf = new HashMap<>();
        for (String id : created) {
            List<Integer> revisions = given().get("/api/v1/sources/" + id + "/history").then().statusCode(200)
                    .extract().jsonPath().getList("data.id");
            assertFalse(revisions.isEmpty(), "a created source has its revision");
            revisions.forEach(r -> revisionOf.put(r.longValue(), id));
        }
        Set<Long> served = new HashSet<>(seen);
        for (Long revision : revisionOf.keySet()) {
            assertTrue(served.contains(revision), "revision " + revision + " was skipped by the polling client");
        }
    }

    /**
     * Eight writers cite one source at once: each changes how often it is cited, and its last
     * revision must show the count all of them left (a revision rendered before another writer's
     * commit would leave it short, and a replay of the feed would disagree with the API).
     */
    @Test
    void writersThatChangeOneSharedRecordLeaveItsLastRevisionTrue() throws Exception {
        String editor = ApiKeyTest.newKey("editor");
        String source = given().auth().oauth2(editor).contentType("application/json")
                .body(Map.of("kind", "dataset", "title", "[test] cited by many " + TestRecords.RUN, "language", "en",
                        "change_reason", "shared record test"))
                .post("/api/v1/sources").then().statusCode(201).extract().path("id");
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<Integer>> writes = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            Map<String, Object> deployment = DeploymentWriteTest.deployment("[test] cites the shared source " + w + " "
                    + TestRecords.RUN);
            deployment.put("citations", List.of(Map.of("source_id", source, "quote", "as the source says")));
            writes.add(pool.submit(() -> given().auth().oauth2(editor).contentType("application/json").body(deployment)
                    .post("/api/v1/deployments").statusCode()));
        }
        for (Future<Integer> w : writes) {
            assertEquals(201, w.get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();
        int citedBy = given().get("/api/v1/sources/" + source).then().statusCode(200).extract().path("cited_by");
        assertEquals(WRITERS, citedBy);
        List<Map<String, Object>> revisions = given().get("/api/v1/sources/" + source + "/history").then()
                .statusCode(200).extract().jsonPath().getList("data");
        assertNotNull(revisions, "a history has data");
        assertFalse(revisions.isEmpty());
        // one revision per citing write, each one more than the last: none rendered from a stale count
        List<Integer> counts = new ArrayList<>();
        for (Map<String, Object> revision : revisions) {
            @SuppressWarnings("unchecked")
            Map<String, Object> after = (Map<String, Object>) ((Map<String, Object>) revision.get("change")).get("after");
            counts.add((Integer) after.get("cited_by"));
        }
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i <= WRITERS; i++) {
            expected.add(i);
        }
        assertEquals(expected, counts, "cited_by in the source's revisions");
    }

    /** Where a client that starts now continues: after the newest revision. */
    private static String latestCursor() {
        String cursor = null;
        while (true) {
            var request = given().queryParam("limit", 1000);
            if (cursor != null) {
                request.queryParam("since", cursor);
            }
            JsonPath page = request.get("/api/v1/changes").then().statusCode(200).extract().jsonPath();
            List<Object> data = page.getList("data");
            assertNotNull(data, "a page has data");
            cursor = page.getString("next_cursor");
            if (data.isEmpty()) {
                return cursor;
            }
        }
    }
}
