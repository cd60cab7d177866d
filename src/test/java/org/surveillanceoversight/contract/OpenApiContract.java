package org.surveillanceoversight.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The committed spec (openapi/openapi.json) as the tests read it: which operation a request is,
 * what it declares, and a JSON Schema 2020-12 validator for any schema in it. Object schemas are
 * checked strictly here (an undeclared property is an error) although the published spec leaves
 * them open, so that a property the service sends under a name the spec does not know is caught.
 */
public final class OpenApiContract {

    public static final Path SPEC = Path.of("openapi", "openapi.json");
    private static final String BASE = "urn:surveillance-oversight:openapi";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile OpenApiContract instance;

    private final JsonNode spec;
    private final List<Operation> operations = new ArrayList<>();
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    /** One operation of the spec: its method, path template and the JSON object that declares it. */
    public record Operation(String method, String path, Pattern pattern, JsonNode node) {

        public String id() {
            return node.path("operationId").asText(method + " " + path);
        }

        public String pointer() {
            return "/paths/" + escape(path) + "/" + method.toLowerCase(Locale.ROOT);
        }

        public List<String> statuses() {
            List<String> statuses = new ArrayList<>();
            node.path("responses").fieldNames().forEachRemaining(statuses::add);
            return statuses;
        }
    }

    private OpenApiContract(JsonNode spec) {
        this.spec = spec;
        spec.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (List.of("get", "put", "post", "patch", "delete", "head", "options").contains(op.getKey())) {
                String regex = Pattern.quote(path.getKey()).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
                operations.add(new Operation(op.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                        Pattern.compile(regex), op.getValue()));
            }
        }));
        JsonNode strict = spec.deepCopy();
        closeObjects(strict.path("components").path("schemas"));
        closeObjects(strict.path("paths"));
        this.registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(),
                builder -> builder.schemas(Map.of(BASE, strict.toString())));
    }

    public static OpenApiContract get() {
        if (instance == null) {
            synchronized (OpenApiContract.class) {
                if (instance == null) {
                    instance = new OpenApiContract(read(SPEC));
                }
            }
        }
        return instance;
    }

    static JsonNode read(Path file) {
        try {
            return JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the committed spec " + file, e);
        }
    }

    public JsonNode spec() {
        return spec;
    }

    public List<Operation> operations() {
        return operations;
    }

    /** The operation a request is; a literal path segment wins over a template ("/api-keys/me" over "/api-keys/{id}"). */
    public Optional<Operation> find(String method, String path) {
        Operation best = null;
        for (Operation operation : operations) {
            if (operation.method().equals(method) && operation.pattern().matcher(path).matches()
                    && (best == null || literalLength(operation) > literalLength(best))) {
                best = operation;
            }
        }
        return Optional.ofNullable(best);
    }

    public boolean hasPath(String path) {
        return operations.stream().anyMatch(operation -> operation.pattern().matcher(path).matches());
    }

    /** Validation errors of an instance against the schema at a JSON pointer into the spec. */
    public List<String> validate(String pointer, JsonNode instance) {
        Schema schema = schemas.computeIfAbsent(pointer,
                p -> registry.getSchema(SchemaLocation.of(BASE + "#" + p)));
        List<String> messages = new ArrayList<>();
        for (Error error : schema.validate(instance)) {
            messages.add(error.toString());
        }
        return messages;
    }

    public JsonNode at(String pointer) {
        return spec.at(pointer);
    }

    static String escape(String pathTemplate) {
        return pathTemplate.replace("~", "~0").replace("/", "~1");
    }

    private static int literalLength(Operation operation) {
        return operation.path().replaceAll("\\{[^}]+}", "").length();
    }

    /** Every object schema that lists its properties gets unevaluatedProperties: false (the strict copy only). */
    private static void closeObjects(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties") && !object.has("additionalProperties") && !object.has("unevaluatedProperties")) {
                object.put("unevaluatedProperties", false);
            }
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            Map<String, JsonNode> children = new LinkedHashMap<>();
            fields.forEachRemaining(field -> children.put(field.getKey(), field.getValue()));
            children.forEach((name, child) -> {
                if (!name.equals("example") && !name.equals("examples")) {
                    closeObjects(child);
                }
            });
        } else if (node != null && node.isArray()) {
            node.forEach(OpenApiContract::closeObjects);
        }
    }
}
