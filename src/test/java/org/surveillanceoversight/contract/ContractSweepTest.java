package org.surveillanceoversight.contract;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.surveillanceoversight.auth.ApiKeyTest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the HTTP layer answers for every operation of the spec, walked from the spec itself (so a
 * new operation is covered the day it appears): a media type it cannot serve (406), a body type
 * it cannot read (415) or size it will not take (413), no key (401), a malformed or unknown ID
 * (400, 404), a request line longer than the server reads (414), and a conditional GET with the
 * current tag (304). Every answer is also checked against the spec by the contract filter.
 */
@QuarkusTest
public class ContractSweepTest {

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
    private final Map<String, String> realIds = new HashMap<>();

    private static List<OpenApiContract.Operation> operations() {
        return OpenApiContract.get().operations();
    }

    private static boolean keyed(OpenApiContract.Operation operation) {
        return operation.node().path("security").size() > 0;
    }

    private static boolean takesBody(OpenApiContract.Operation operation) {
        return operation.node().has("requestBody");
    }

    private static String bodyType(OpenApiContract.Operation operation) {
        return operation.node().path("requestBody").path("content").fieldNames().next();
    }

    /** A request as an admin would send it, with a JSON body where the operation takes one. */
    private static RequestSpecification asAdmin(OpenApiContract.Operation operation) {
        RequestSpecification request = given().auth().oauth2(ApiKeyTest.ADMIN);
        return takesBody(operation) ? request.contentType(bodyType(operation)).body("{}") : request;
    }

    private static Response send(RequestSpecification request, OpenApiContract.Operation operation, String path) {
        return request.request(operation.method(), path);
    }

    /** The path with each parameter replaced by the ID (or code) of a real record of that collection. */
    private String realPath(OpenApiContract.Operation operation) {
        Matcher m = PARAMETER.matcher(operation.path());
        if (!m.find()) {
            return operation.path();
        }
        String collection = operation.path().substring(0, m.start() - 1);
        String id = realIds.computeIfAbsent(collection, this::firstIdOf);
        return operation.path().substring(0, m.start()) + id + operation.path().substring(m.end());
    }

    private String firstIdOf(String collection) {
        if (collection.endsWith("/submissions")) {
            return given().contentType("application/json").body(Map.of("kind", "tip", "message", "a tip from the contract sweep"))
                    .post(collection).then().statusCode(202).extract().path("id");
        }
        Response list = given().auth().oauth2(ApiKeyTest.ADMIN).get(collection);
        list.then().statusCode(200);
        Object id = list.path("data[0].id");
        return String.valueOf(id != null ? id : list.path("data[0].code"));
    }

    private static String withParameters(OpenApiContract.Operation operation, String value) {
        return PARAMETER.matcher(operation.path()).replaceAll(value);
    }

    @Test
    void everyOperationAnswers406ToAMediaTypeItCannotServe() {
        List<String> wrong = new ArrayList<>();
        for (OpenApiContract.Operation operation : operations()) {
            Response response = send(asAdmin(operation).accept("application/xml"), operation, realPath(operation));
            if (response.statusCode() != 406 || !response.contentType().startsWith("application/problem+json")) {
                wrong.add(operation.id() + " answered " + response.statusCode());
            }
        }
        assertTrue(wrong.isEmpty(), "Accept: application/xml should be a 406 problem:\n" + String.join("\n", wrong));
    }

    @Test
    void everyOperationWithABodyAnswers415ToAnotherContentTypeAnd413ToATooLargeOne() {
        String large = "{\"message\":\"" + "x".repeat(1_100_000) + "\"}";
        List<String> wrong = new ArrayList<>();
        for (OpenApiContract.Operation operation : operations()) {
            if (!takesBody(operation)) {
                continue;
            }
            String path = realPath(operation);
            int unreadable = send(given().auth().oauth2(ApiKeyTest.ADMIN).contentType("text/plain").body("hello"),
                    operation, path).statusCode();
            int tooLarge = send(given().auth().oauth2(ApiKeyTest.ADMIN).contentType(bodyType(operation)).body(large),
                    operation, path).statusCode();
            if (unreadable != 415 || tooLarge != 413) {
                wrong.add(operation.id() + ": text/plain " + unreadable + ", 1.1 MB " + tooLarge);
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void everyOperationAnswers414ToARequestLineLongerThanTheServerReads() {
        List<String> wrong = new ArrayList<>();
        for (OpenApiContract.Operation operation : operations()) {
            int status = send(asAdmin(operation).queryParam("q", "a".repeat(5_000)), operation, realPath(operation)).statusCode();
            if (status != 414) {
                wrong.add(operation.id() + ": " + status);
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void everyKeyedOperationAnswers401WithoutAKeyAndEveryPublicOneServesWithout() {
        List<String> wrong = new ArrayList<>();
        for (OpenApiContract.Operation operation : operations()) {
            RequestSpecification request = takesBody(operation)
                    ? given().contentType(bodyType(operation)).body("{}") : given();
            int status = send(request, operation, realPath(operation)).statusCode();
            if (keyed(operation) ? status != 401 : status == 401 || status == 403) {
                wrong.add(operation.id() + (keyed(operation) ? " (keyed)" : " (public)") + " answered " + status);
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void everyOperationOnARecordAnswers400ToAMalformedIdAnd404ToAnUnknownOne() {
        List<String> wrong = new ArrayList<>();
        for (OpenApiContract.Operation operation : operations()) {
            if (!operation.path().contains("{id}")) {
                continue;
            }
            int malformed = send(asAdmin(operation), operation, withParameters(operation, "not-a-uuid")).statusCode();
            int unknown = send(asAdmin(operation), operation, withParameters(operation, UUID.randomUUID().toString())).statusCode();
            // with an empty body, a write may refuse the body before it looks the ID up
            if (malformed != 400 || (!takesBody(operation) && unknown != 404)) {
                wrong.add(operation.id() + ": malformed " + malformed + ", unknown " + unknown);
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    /** A body the operation accepts: a merge patch with only a reason, else the example of its schema in the spec. */
    private static String validBody(OpenApiContract.Operation operation) {
        if (bodyType(operation).equals("application/merge-patch+json")) {
            return "{\"change_reason\": \"a change from the contract sweep\"}";
        }
        String ref = operation.node().path("requestBody").path("content").path(bodyType(operation)).path("schema")
                .path("$ref").asText();
        return OpenApiContract.get().at(ref.substring(1) + "/examples/0").toString();
    }

    @Test
    void everyConditionalWriteAnswers428WithoutIfMatchAnd412WithAStaleTag() {
        List<String> wrong = new ArrayList<>();
        for (OpenApiContract.Operation operation : operations()) {
            if (!operation.statuses().contains("428")) {
                continue;
            }
            String path = realPath(operation);
            RequestSpecification request = given().auth().oauth2(ApiKeyTest.ADMIN).contentType(bodyType(operation))
                    .body(validBody(operation));
            int missing = send(request, operation, path).statusCode();
            int stale = send(given().auth().oauth2(ApiKeyTest.ADMIN).contentType(bodyType(operation))
                    .body(validBody(operation)).header("If-Match", "\"stale\""), operation, path).statusCode();
            if (missing != 428 || stale != 412) {
                wrong.add(operation.id() + ": without If-Match " + missing + ", stale " + stale);
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void everyWriteToAnUnknownRecordAnswers404() {
        List<String> wrong = new ArrayList<>();
        for (OpenApiContract.Operation operation : operations()) {
            if (!operation.path().contains("{id}") || !takesBody(operation) || !operation.statuses().contains("404")) {
                continue;
            }
            int status = send(given().auth().oauth2(ApiKeyTest.ADMIN).contentType(bodyType(operation))
                    .body(validBody(operation)).header("If-Match", "\"r1\""), operation,
                    withParameters(operation, UUID.randomUUID().toString())).statusCode();
            if (status != 404) {
                wrong.add(operation.id() + " answered " + status);
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void everyReadThatTakesParametersAnswers400NamingAnUnknownOne() {
        for (OpenApiContract.Operation operation : operations()) {
            if (!operation.method().equals("GET") || !operation.statuses().contains("400")
                    || operation.path().contains("{")) {
                continue;
            }
            given().auth().oauth2(ApiKeyTest.ADMIN).queryParam("no_such_parameter", "1").get(operation.path())
                    .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("no_such_parameter"));
        }
    }

    @Test
    void everyPublicReadAnswers304ToItsCurrentTag() {
        for (OpenApiContract.Operation operation : operations()) {
            if (!operation.method().equals("GET") || keyed(operation)) {
                continue;
            }
            String path = realPath(operation);
            Response first = given().get(path);
            assertEquals(200, first.statusCode(), operation.id() + " " + path);
            String tag = first.header("ETag");
            assertTrue(tag != null, operation.id() + " sends no ETag");
            Response again = given().header("If-None-Match", tag).get(path);
            assertEquals(304, again.statusCode(), operation.id() + " with If-None-Match " + tag);
            assertEquals("", again.asString(), operation.id() + " 304 has a body");
        }
    }
}
