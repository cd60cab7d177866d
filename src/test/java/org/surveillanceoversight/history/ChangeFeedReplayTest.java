package org.surveillanceoversight.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.surveillanceoversight.TestDatabase;
import org.surveillanceoversight.auth.ApiKeyTest;
import org.surveillanceoversight.deployment.DeploymentWriteTest;
import org.surveillanceoversight.source.SourceWriteTest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client that replays the change feed from the start rebuilds the dataset the API serves,
 * exactly. Run against a database of its own (seeded, then written only through the API), since
 * other tests write rows with SQL, which bypasses the history by design.
 */
@QuarkusTest
@TestProfile(ChangeFeedReplayTest.OwnDatabase.class)
public class ChangeFeedReplayTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return TestDatabase.freshDatabase("replay");
        }
    }

    @jakarta.inject.Inject
    jakarta.persistence.EntityManager em;

    @Test
    void replayingTheFeedFromTheStartRebuildsTheCurrentDataset() throws Exception {
        String database = (String) em.createNativeQuery("select current_database()").getSingleResult();
        assertTrue(database.startsWith("replay_"), "runs on its own database, not " + database);

        // writes of every kind on top of the seed
        String editor = ApiKeyTest.newKey("editor");
        String reviewer = ApiKeyTest.newKey("reviewer");
        Response source = given().auth().oauth2(editor).contentType("application/json")
                .body(SourceWriteTest.source("[test] Replay source")).post("/api/v1/sources");
        String sourceId = source.path("id");
        Map<String, Object> body = DeploymentWriteTest.deployment("[test] Replay deployment");
        body.put("citations", List.of(Map.of("source_id", sourceId)));
        Response created = given().auth().oauth2(editor).contentType("application/json").body(body)
                .post("/api/v1/deployments");
        String deploymentId = created.path("id");
        Response patched = given().auth().oauth2(editor).contentType("application/merge-patch+json")
                .header("If-Match", created.header("ETag"))
                .body(Map.of("camera_counts", List.of(), "change_reason", "counts withdrawn"))
                .patch("/api/v1/deployments/" + deploymentId);
        patched.then().statusCode(200);
        Response other = given().auth().oauth2(editor).contentType("application/json")
                .body(DeploymentWriteTest.deployment("[test] Replay retracted")).post("/api/v1/deployments");
        given().auth().oauth2(reviewer).contentType("application/json").header("If-Match", other.header("ETag"))
                .body(Map.of("reason", "duplicate")).post("/api/v1/deployments/" + other.path("id") + "/retract")
                .then().statusCode(200);
        Response read = given().get("/api/v1/sources/" + sourceId);
        given().auth().oauth2(editor).contentType("application/merge-patch+json").header("If-Match", read.header("ETag"))
                .body(Map.of("title", "[test] Replay source, retitled", "change_reason", "title")).patch("/api/v1/sources/" + sourceId)
                .then().statusCode(200);

        // replay: the last `after` of every record, in feed order
        Map<String, JsonNode> replayed = new LinkedHashMap<>();
        String cursor = null;
        long lastId = 0;
        while (true) {
            var request = given().queryParam("limit", 200);
            if (cursor != null) {
                request.queryParam("since", cursor);
            }
            JsonNode page = JSON.readTree(request.get("/api/v1/changes").then().statusCode(200).extract().asString());
            for (JsonNode revision : page.get("data")) {
                assertTrue(revision.get("id").asLong() > lastId, "commit order");
                lastId = revision.get("id").asLong();
                replayed.put(revision.get("entity_type").asText() + "/" + revision.get("entity_id").asText(),
                        revision.get("change").get("after"));
            }
            cursor = page.get("next_cursor").asText();
            if (page.get("data").isEmpty()) {
                break;
            }
        }

        // every record the API lists is in the replay, equal to what GET returns; and nothing else is published
        Map<String, String> collections = Map.of("deployment", "/api/v1/deployments", "source", "/api/v1/sources",
                "vendor", "/api/v1/vendors", "locality", "/api/v1/localities");
        for (Map.Entry<String, String> collection : collections.entrySet()) {
            String type = collection.getKey();
            Set<String> listed = new TreeSet<>();
            for (JsonNode item : all(collection.getValue())) {
                listed.add(item.get("id").asText());
            }
            Set<String> published = new TreeSet<>();
            replayed.forEach((key, after) -> {
                if (key.startsWith(type + "/") && after.get("publication").asText().equals("published")) {
                    published.add(key.substring(type.length() + 1));
                }
            });
            assertEquals(listed, published, type + ": the published records of the replay are the listed ones");
            assertTrue(listed.size() > 0, type);
        }
        int compared = 0;
        for (Map.Entry<String, JsonNode> e : replayed.entrySet()) {
            String[] key = e.getKey().split("/");
            JsonNode live = JSON.readTree(given().get(collections.get(key[0]) + "/" + key[1]).then().statusCode(200)
                    .extract().asString());
            assertEquals(live, e.getValue(), e.getKey() + " replays to what GET returns");
            compared++;
        }
        assertTrue(compared > 20, "compared " + compared);
        assertEquals("retracted", replayed.get("deployment/" + other.path("id")).get("publication").asText());

        // an up-to-date client gets an empty page and keeps its cursor; a bad cursor is a 400
        JsonNode empty = JSON.readTree(given().queryParam("since", cursor).get("/api/v1/changes").asString());
        assertEquals(0, empty.get("data").size());
        assertEquals(cursor, empty.get("next_cursor").asText());
        given().queryParam("since", "not-a-cursor").get("/api/v1/changes").then().statusCode(400)
                .body("errors.field", hasItem("since"));
        given().queryParam("entity_type", "country").get("/api/v1/changes").then().statusCode(400)
                .body("errors.field", hasItem("entity_type"));
    }

    private static List<JsonNode> all(String path) throws Exception {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> query = new HashMap<>(Map.of("limit", 500));
            if (cursor != null) {
                query.put("cursor", cursor);
            }
            JsonNode page = JSON.readTree(given().queryParams(query).get(path).then().statusCode(200).extract().asString());
            page.get("data").forEach(items::add);
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asText();
        } while (cursor != null);
        return items;
    }
}
