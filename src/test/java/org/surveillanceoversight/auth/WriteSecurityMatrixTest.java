package org.surveillanceoversight.auth;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.surveillanceoversight.deployment.DeploymentWriteTest;
import org.surveillanceoversight.source.SourceWriteTest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every write operation, called with no key, a revoked key and each role, answers as the README's
 * roles table says: 401 without a valid key, 403 below the operation's role, otherwise the
 * operation runs (its own 2xx, or a 4xx about the request, never 401/403).
 */
@QuarkusTest
public class WriteSecurityMatrixTest {

    private record Operation(String method, String path, String contentType, Object body, String minimumRole) {
    }

    private static final List<String> ROLES = List.of("contributor", "editor", "reviewer", "admin");

    @Test
    void everyWriteOperationAnswersNoKeyARevokedKeyAndEachRoleAsDocumented() {
        String id = "00000000-0000-0000-0000-000000000000";
        Map<String, Object> reason = Map.of("reason", "matrix");
        Map<String, Object> note = Map.of("note", "matrix");
        Map<String, Object> patch = Map.of("change_reason", "matrix");
        List<Operation> operations = List.of(
                new Operation("POST", "/api/v1/sources", "application/json", SourceWriteTest.source("[test] Matrix source"), "editor"),
                new Operation("PUT", "/api/v1/sources/" + id, "application/json", SourceWriteTest.source("[test] x"), "editor"),
                new Operation("PATCH", "/api/v1/sources/" + id, "application/merge-patch+json", patch, "editor"),
                new Operation("POST", "/api/v1/sources/" + id + "/retract", "application/json", reason, "reviewer"),
                new Operation("POST", "/api/v1/deployments", "application/json", DeploymentWriteTest.deployment("[test] Matrix deployment"), "editor"),
                new Operation("PUT", "/api/v1/deployments/" + id, "application/json", DeploymentWriteTest.deployment("[test] x"), "editor"),
                new Operation("PATCH", "/api/v1/deployments/" + id, "application/merge-patch+json", patch, "editor"),
                new Operation("POST", "/api/v1/deployments/" + id + "/retract", "application/json", reason, "reviewer"),
                new Operation("POST", "/api/v1/vendors", "application/json", Map.of("name", "x"), "editor"),
                new Operation("PUT", "/api/v1/vendors/" + id, "application/json", Map.of("name", "x"), "editor"),
                new Operation("PATCH", "/api/v1/vendors/" + id, "application/merge-patch+json", patch, "editor"),
                new Operation("POST", "/api/v1/vendors/" + id + "/retract", "application/json", reason, "reviewer"),
                new Operation("POST", "/api/v1/localities", "application/json", Map.of("name_en", "x"), "editor"),
                new Operation("PUT", "/api/v1/localities/" + id, "application/json", Map.of("name_en", "x"), "editor"),
                new Operation("PATCH", "/api/v1/localities/" + id, "application/merge-patch+json", patch, "editor"),
                new Operation("POST", "/api/v1/localities/" + id + "/retract", "application/json", reason, "reviewer"),
                new Operation("GET", "/api/v1/submissions", null, null, "reviewer"),
                new Operation("GET", "/api/v1/submissions/" + id, null, null, "reviewer"),
                new Operation("POST", "/api/v1/submissions/" + id + "/accept", "application/json", note, "reviewer"),
                new Operation("POST", "/api/v1/submissions/" + id + "/reject", "application/json", note, "reviewer"),
                new Operation("POST", "/api/v1/api-keys", "application/json", Map.of("name", "x", "role", "editor"), "admin"),
                new Operation("GET", "/api/v1/api-keys", null, null, "admin"),
                new Operation("POST", "/api/v1/api-keys/" + id + "/revoke", "application/json", reason, "admin"));

        Map<String, String> keys = new LinkedHashMap<>();
        for (String role : ROLES) {
            keys.put(role, ApiKeyTest.newKey(role));
        }
        String revoked = ApiKeyTest.newKey("admin");
        String revokedId = given().auth().oauth2(revoked).get("/api/v1/api-keys/me").path("id");
        given().auth().oauth2(ApiKeyTest.ADMIN).contentType("application/json").body(reason)
                .post("/api/v1/api-keys/" + revokedId + "/revoke").then().statusCode(200);

        List<String> wrong = new ArrayList<>();
        for (Operation op : operations) {
            check(op, null, 401, wrong, "no key");
            check(op, revoked, 401, wrong, "revoked admin key");
            for (String role : ROLES) {
                boolean allowed = ROLES.indexOf(role) >= ROLES.indexOf(op.minimumRole());
                check(op, keys.get(role), allowed ? 0 : 403, wrong, role);
            }
        }
        assertEquals(List.of(), wrong);
    }

    /** expected 0 means "allowed": any answer but 401, 403 and 5xx. */
    private static void check(Operation op, String key, int expected, List<String> wrong, String who) {
        RequestSpecification request = given();
        if (key != null) {
            request.auth().oauth2(key);
        }
        if (op.contentType() != null) {
            request.contentType(op.contentType()).body(op.body());
        }
        int status = request.request(op.method(), op.path()).statusCode();
        boolean ok = expected == 0 ? status != 401 && status != 403 && status < 500 : status == expected;
        if (!ok) {
            wrong.add(op.method() + " " + op.path() + " as " + who + ": " + status + " (expected "
                    + (expected == 0 ? "allowed" : expected) + ")");
        }
    }

    @Test
    void aBodyOverTheLimitIsA413ProblemAndWritesNothing() {
        String editor = ApiKeyTest.newKey("editor");
        Map<String, Object> huge = SourceWriteTest.source("[test] Oversized source");
        huge.put("notes", "x".repeat(1_100_000));
        given().auth().oauth2(editor).contentType("application/json").body(huge).post("/api/v1/sources")
                .then().statusCode(413).contentType("application/problem+json");
        assertEquals(0, given().queryParam("q", "[test] Oversized source").get("/api/v1/sources").then()
                .extract().jsonPath().getList("data").size());
    }
}
