package org.surveillanceoversight.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.surveillanceoversight.TestDatabase;
import org.surveillanceoversight.auth.ApiKeyTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every schema of the spec has an example, and each example in src/main/resources/contract-examples.json
 * is true: a `get` example is what the service answers there (on a database of its own holding only
 * the seed; values under the keys listed as `volatile`, and timestamps, may differ), a `send`
 * example is a body the service accepts. When one is not, the live values are written to
 * target/contract/contract-examples.json to review and copy.
 */
@QuarkusTest
@TestProfile(SpecExamplesTest.OwnDatabase.class)
public class SpecExamplesTest {

    static final Path EXAMPLES = Path.of("src", "main", "resources", "contract-examples.json");
    static final Path LIVE = Path.of("target", "contract", "contract-examples.json");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern CREATED = Pattern.compile("\\{created:(\\w+)}");

    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return TestDatabase.freshDatabase("examples");
        }
    }

    private final Map<String, String> keys = new HashMap<>();
    private final Map<String, String> created = new HashMap<>();
    private final Map<String, JsonNode> answers = new HashMap<>();

    @Test
    void everyExampleIsARealAnswerOrABodyTheServiceAccepts() throws IOException {
        ObjectNode examples = (ObjectNode) JSON.readTree(Files.readString(EXAMPLES));
        List<String> problems = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = examples.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            ObjectNode example = (ObjectNode) field.getValue();
            try {
                if (example.has("send")) {
                    send(name, example, problems);
                } else if (example.has("get") || example.has("answer_of")) {
                    compare(name, example, problems);
                }
            } catch (RuntimeException | AssertionError e) {
                problems.add(name + ": " + e.getMessage());
            }
            JsonNode value = example.path("value");
            Optional<String> schema = schemaOf(name, value, problems);
            if (schema.isEmpty()) {
                problems.add(name + ": the spec has no such schema, nor an operation with a request body");
            } else if (!value.isMissingNode() && !value.isNull()) {
                List<String> errors = OpenApiContract.get().validate(schema.get(), value);
                if (!errors.isEmpty()) {
                    problems.add(name + ": the example breaks its own schema: " + errors);
                }
            }
        }
        if (!problems.isEmpty()) {
            Files.createDirectories(LIVE.getParent());
            Files.writeString(LIVE, JSON.writeValueAsString(examples) + "\n");
            fail(problems.size() + " examples are not what the service does:\n- " + String.join("\n- ", problems)
                    + "\nThe live values are in " + LIVE + "; if the change is intended, review it and run\n  cp "
                    + LIVE + " " + EXAMPLES + "\nthen regenerate the spec (see OpenApiDriftTest).");
        }
    }

    @Test
    void everySchemaOfTheSpecHasAnExample() {
        List<String> missing = new ArrayList<>();
        OpenApiContract.get().spec().path("components").path("schemas").fields().forEachRemaining(schema -> {
            if (!schema.getValue().has("examples") && !schema.getValue().has("example")) {
                missing.add(schema.getKey());
            }
        });
        assertTrue(missing.isEmpty(), "schemas without an example (add one to " + EXAMPLES + "): " + missing);
    }

    /**
     * Where the example's schema is: a schema of that name, or the request body's schema of the operation
     * of that ID, whose request example in the spec must then be this one.
     */
    private static Optional<String> schemaOf(String name, JsonNode value, List<String> problems) {
        if (!OpenApiContract.get().at("/components/schemas/" + name).isMissingNode()) {
            return Optional.of("/components/schemas/" + name);
        }
        return OpenApiContract.get().operations().stream().filter(o -> o.id().equals(name) && o.node().has("requestBody"))
                .findFirst().map(o -> {
                    JsonNode media = o.node().path("requestBody").path("content").path("application/json");
                    if (!media.path("examples").path(name).path("value").equals(value)) {
                        problems.add(name + ": the spec's request example of " + name + " is not this one");
                    }
                    return o.pointer() + "/requestBody/content/application~1json/schema";
                });
    }

    /** Sends a body: a create, or a PUT, PATCH or retraction with the record's current ETag; it must be accepted. */
    private void send(String name, ObjectNode example, List<String> problems) throws IOException {
        String[] request = example.get("send").asText().split(" ", 2);
        String path = resolve(request[1]);
        if (example.has("from")) {
            // a replace of a seeded record: the record's input form as it is now, so the example shows what the
            // registry holds (with `set` applied), not an edit of it
            ObjectNode body = (ObjectNode) JSON.readTree(as(example).get(resolve(example.get("from").asText())).then()
                    .statusCode(200).extract().asString());
            example.path("set").fields().forEachRemaining(f -> body.set(f.getKey(), f.getValue()));
            if (!body.equals(example.path("value"))) {
                problems.add(name + ": is not the input form of " + example.get("from").asText() + " now");
                example.set("value", body);
            }
        }
        RequestSpecification call = as(example).contentType(request[0].equals("PATCH") ? "application/merge-patch+json"
                : "application/json").body(JSON.writeValueAsString(example.get("value")));
        if (!request[1].startsWith("/api/v1/api-keys") && (request[0].equals("PUT") || request[0].equals("PATCH")
                || path.endsWith("/retract"))) {
            String record = path.replaceAll("/retract$", "");
            call = call.header("If-Match", as(example).get(record).then().statusCode(200).extract().header("ETag"));
        }
        Response answer = call.request(request[0], path);
        if (answer.statusCode() / 100 != 2) {
            problems.add(name + ": " + String.join(" ", request) + " refused the example with " + answer.statusCode()
                    + ": " + answer.asString());
            return;
        }
        answers.put(name, JSON.readTree(answer.asString()));
        Object id = answer.path("id");
        if (id != null) {
            created.put(name, id.toString());
        }
    }

    /** Compares a `get` example (or the answer to an earlier `send`) with what the service answers now. */
    private void compare(String name, ObjectNode example, List<String> problems) throws IOException {
        String path;
        JsonNode live;
        if (example.has("answer_of")) {
            path = "the answer to " + example.get("answer_of").asText();
            live = answers.get(example.get("answer_of").asText());
            if (live == null) {
                problems.add(name + ": " + path + " was not received");
                return;
            }
        } else {
            path = resolve(example.get("get").asText());
            Response answer = as(example).get(path);
            if (answer.statusCode() != example.path("status").asInt(200)) {
                problems.add(name + ": GET " + path + " answered " + answer.statusCode());
                return;
            }
            String text = answer.asString();
            live = JSON.readTree(path.contains("format=ndjson") ? text.lines().findFirst().orElse("") : text);
        }
        if (example.has("at")) {
            live = live.at(example.get("at").asText());
        }
        Set<String> unstable = new java.util.HashSet<>();
        example.path("volatile").forEach(v -> unstable.add(v.asText()));
        List<String> differences = new ArrayList<>();
        differ("", example.path("value"), live, unstable, differences);
        if (!differences.isEmpty()) {
            problems.add(name + ": " + path + " differs at " + differences.subList(0, Math.min(5, differences.size())));
            example.set("value", live);
        }
    }

    private static void differ(String at, JsonNode want, JsonNode have, Set<String> unstable, List<String> out) {
        String key = at.substring(at.lastIndexOf('/') + 1);
        if (unstable.contains(key) || key.endsWith("_at")) {
            return;
        }
        if (want.isObject() && have.isObject()) {
            Set<String> names = new java.util.TreeSet<>();
            want.fieldNames().forEachRemaining(names::add);
            have.fieldNames().forEachRemaining(names::add);
            names.forEach(n -> differ(at + "/" + n, want.path(n), have.path(n), unstable, out));
        } else if (want.isArray() && have.isArray() && want.size() == have.size()) {
            for (int i = 0; i < want.size(); i++) {
                differ(at + "/" + i, want.get(i), have.get(i), unstable, out);
            }
        } else if (!want.equals(have)) {
            out.add(at.isEmpty() ? "/" : at);
        }
    }

    private RequestSpecification as(ObjectNode example) {
        String role = example.path("key").asText("");
        if (role.isEmpty()) {
            return given();
        }
        String key = role.equals("admin") ? ApiKeyTest.ADMIN : keys.computeIfAbsent(role, ApiKeyTest::newKey);
        return given().auth().oauth2(key);
    }

    private String resolve(String path) {
        Matcher m = CREATED.matcher(path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String id = created.get(m.group(1));
            if (id == null) {
                throw new IllegalStateException(path + " names " + m.group(1) + ", which no earlier example created");
            }
            m.appendReplacement(out, id);
        }
        return m.appendTail(out).toString();
    }
}
