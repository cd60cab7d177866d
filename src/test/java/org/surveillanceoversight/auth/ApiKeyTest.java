package org.surveillanceoversight.auth;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Keys and roles: reads stay public, key operations need the right role, and secrets are never kept. */
@QuarkusTest
public class ApiKeyTest {

    /** %test.oversight.bootstrap-admin-key in application.properties. */
    public static final String ADMIN = "test-bootstrap-admin-key-0123456789abcdef";

    @Inject
    AgroalDataSource dataSource;

    public static String newKey(String role) {
        return given().auth().oauth2(ADMIN).contentType("application/json")
                .body(Map.of("name", "test " + role, "role", role))
                .post("/api/v1/api-keys").then().statusCode(201).extract().path("secret");
    }

    @Test
    void theBootstrapKeyIsAnAdminAndCreatesKeysWhoseSecretIsShownOnce() throws Exception {
        given().auth().oauth2(ADMIN).get("/api/v1/api-keys/me").then().statusCode(200)
                .body("role", equalTo("admin")).body("name", equalTo("bootstrap admin"));
        Response created = given().auth().oauth2(ADMIN).contentType("application/json")
                .body(Map.of("name", "newsroom editor", "role", "editor")).post("/api/v1/api-keys");
        created.then().statusCode(201).header("Location", notNullValue())
                .body("secret", startsWith("soa_")).body("role", equalTo("editor"));
        String secret = created.path("secret");
        String id = created.path("id");
        given().auth().oauth2(secret).get("/api/v1/api-keys/me").then().statusCode(200)
                .body("id", equalTo(id)).body("last_used_at", notNullValue())
                .header("Cache-Control", equalTo("private, no-store"));
        given().auth().oauth2(ADMIN).get("/api/v1/api-keys").then().statusCode(200)
                .body("data.id", hasItem(id)).body(not(org.hamcrest.Matchers.containsString(secret)));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select * from api_key where id = '" + id + "'")) {
            rs.next();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                String value = rs.getString(i);
                assertFalse(value != null && value.contains(secret.substring(4)), "the secret is stored in "
                        + rs.getMetaData().getColumnName(i));
            }
            assertEquals(org.surveillanceoversight.common.records.Sha256.hex(secret), rs.getString("secret_sha256"));
        }
    }

    @Test
    void noKeyAWrongKeyOrARevokedKeyIs401() {
        given().get("/api/v1/api-keys/me").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"));
        given().auth().oauth2("soa_not-a-key").get("/api/v1/api-keys/me").then().statusCode(401);
        given().header("Authorization", "Basic " + ADMIN).get("/api/v1/api-keys/me").then().statusCode(401);

        String secret = newKey("contributor");
        String id = given().auth().oauth2(secret).get("/api/v1/api-keys/me").then().statusCode(200).extract().path("id");
        given().auth().oauth2(ADMIN).contentType("application/json").body(Map.of("reason", "left the newsroom"))
                .post("/api/v1/api-keys/" + id + "/revoke").then().statusCode(200)
                .body("revocation_reason", equalTo("left the newsroom")).body("revoked_at", notNullValue());
        given().auth().oauth2(secret).get("/api/v1/api-keys/me").then().statusCode(401);
        given().auth().oauth2(ADMIN).contentType("application/json").body(Map.of("reason", "again"))
                .post("/api/v1/api-keys/" + id + "/revoke").then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(ADMIN).get("/api/v1/api-keys/" + id).then().statusCode(200).body("revoked_at", notNullValue());
    }

    /** Every key operation, by every role: only admins manage keys; any key may ask who it is. */
    @ParameterizedTest(name = "{0} {1} as {2} -> {3}")
    @CsvSource({
            "GET,  /api/v1/api-keys,    contributor, 403", "GET,  /api/v1/api-keys,    editor, 403",
            "GET,  /api/v1/api-keys,    reviewer, 403",    "GET,  /api/v1/api-keys,    admin, 200",
            "POST, /api/v1/api-keys,    contributor, 403", "POST, /api/v1/api-keys,    editor, 403",
            "POST, /api/v1/api-keys,    reviewer, 403",    "POST, /api/v1/api-keys,    admin, 201",
            "GET,  /api/v1/api-keys/me, contributor, 200", "GET,  /api/v1/api-keys/me, admin, 200",
            "POST, /api/v1/api-keys/ID/revoke, editor, 403", "POST, /api/v1/api-keys/ID/revoke, admin, 200",
            "GET,  /api/v1/api-keys/ID, reviewer, 403",    "GET,  /api/v1/api-keys/ID, admin, 200",
            "GET,  /api/v1/api-keys,    none, 401",        "POST, /api/v1/api-keys,    none, 401",
    })
    void rolesMatrix(String method, String path, String role, int status) {
        String target = newKey("contributor");
        String targetId = given().auth().oauth2(target).get("/api/v1/api-keys/me").then().extract().path("id");
        String key = role.equals("none") ? null : role.equals("admin") ? ADMIN : newKey(role);
        var request = given().contentType("application/json");
        if (key != null) {
            request = request.auth().oauth2(key);
        }
        String body = path.endsWith("revoke") ? "{\"reason\":\"matrix\"}" : "{\"name\":\"matrix\",\"role\":\"editor\"}";
        String url = path.replace("ID", targetId);
        Response response = method.equals("GET") ? request.get(url) : request.body(body).post(url);
        response.then().statusCode(status);
        if (status >= 400) {
            response.then().contentType("application/problem+json");
        }
    }

    @Test
    void badKeyRequestsAre400WithTheField() {
        given().auth().oauth2(ADMIN).contentType("application/json").body(Map.of("name", "x", "role", "god"))
                .post("/api/v1/api-keys").then().statusCode(400).body("errors.field", hasItem("role"));
        given().auth().oauth2(ADMIN).contentType("application/json").body(Map.of("role", "editor"))
                .post("/api/v1/api-keys").then().statusCode(400).body("errors.field", hasItem("name"));
        given().auth().oauth2(ADMIN).contentType("application/json").body(Map.of("name", "x", "role", "editor", "secret", "mine"))
                .post("/api/v1/api-keys").then().statusCode(400).body("errors.field", hasItem("secret"));
        given().auth().oauth2(ADMIN).contentType("application/json").body("{not json")
                .post("/api/v1/api-keys").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(ADMIN).get("/api/v1/api-keys/nope").then().statusCode(400);
    }

    @Test
    void readsNeedNoKey() {
        given().get("/api/v1/deployments").then().statusCode(200);
        given().get("/api/v1/stats/by-country").then().statusCode(200);
    }
}
