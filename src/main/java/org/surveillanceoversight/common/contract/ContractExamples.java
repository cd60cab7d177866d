package org.surveillanceoversight.common.contract;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gives every schema of the contract an example that is a real answer of the service or a body it
 * accepts, from contract-examples.json (SpecExamplesTest checks each against a service on a fresh
 * database). A schema nested in an example gets the value found at its place, so a Citation's
 * example is a citation of the Deployment example; an enumeration no example reaches gets its
 * first value. An entry named after an operation instead (createDeployment) is that operation's
 * request example, for a body its schema's example is not: an input schema's example replaces a
 * record, so its parts carry their IDs, which a create must leave out.
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = -10)
public class ContractExamples implements OASFilter {

    public static final String RESOURCE = "contract-examples.json";
    private static final String REF = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        Map<String, Map<String, Object>> examples = read();
        examples.forEach((name, example) -> {
            Schema schema = schemas.get(name);
            if (schema != null && example.get("value") != null) {
                schema.setExamples(List.of(example.get("value")));
            } else if (schema == null && example.get("value") != null) {
                operation(openAPI, name).ifPresent(operation -> operation.getRequestBody().getContent().getMediaTypes()
                        .values().forEach(media -> media.setExamples(Map.of(name, OASFactory.createExample()
                                .summary((String) example.get("summary")).value(example.get("value"))))));
            }
        });
        examples.forEach((name, example) -> {
            if (schemas.containsKey(name) && example.get("value") != null) {
                derive(schemas, schemas.get(name), example.get("value"));
            }
        });
        schemas.values().forEach(schema -> {
            if (schema.getExamples() == null && schema.getEnumeration() != null && !schema.getEnumeration().isEmpty()) {
                schema.setExamples(List.of(schema.getEnumeration().get(0)));
            }
        });
    }

    private static Optional<Operation> operation(OpenAPI openAPI, String operationId) {
        return openAPI.getPaths().getPathItems().values().stream()
                .flatMap(item -> item.getOperations().values().stream())
                .filter(operation -> operationId.equals(operation.getOperationId()) && operation.getRequestBody() != null)
                .findFirst();
    }

    /** Walks a value along its schema; each referenced schema without an example takes the value at its place. */
    private static void derive(Map<String, Schema> schemas, Schema schema, Object value) {
        if (schema == null || value == null) {
            return;
        }
        if (schema.getRef() != null && schema.getRef().startsWith(REF)) {
            Schema target = schemas.get(schema.getRef().substring(REF.length()));
            if (target != null && target.getExamples() == null) {
                target.setExamples(List.of(value));
                derive(schemas, target, value);
            }
            return;
        }
        for (List<Schema> choices : Arrays.asList(schema.getAnyOf(), schema.getOneOf(), schema.getAllOf())) {
            if (choices != null) {
                choices.stream().filter(choice -> fits(schemas, choice, value)).forEach(choice -> derive(schemas, choice, value));
            }
        }
        if (value instanceof Map<?, ?> object && schema.getProperties() != null) {
            schema.getProperties().forEach((name, property) -> derive(schemas, property, object.get(name)));
        } else if (value instanceof List<?> list && !list.isEmpty() && schema.getItems() != null) {
            derive(schemas, schema.getItems(), list.get(0));
        }
    }

    /** Whether a value can be of this choice: objects must agree with its one-value enumerations (GeoJSON's "type"). */
    private static boolean fits(Map<String, Schema> schemas, Schema choice, Object value) {
        Schema target = choice.getRef() != null && choice.getRef().startsWith(REF)
                ? schemas.get(choice.getRef().substring(REF.length())) : choice;
        if (target == null || target.getType() != null && target.getType().contains(Schema.SchemaType.NULL)) {
            return target != null && value == null;
        }
        if (!(value instanceof Map<?, ?> object) || target.getProperties() == null) {
            return true;
        }
        return target.getProperties().entrySet().stream()
                .filter(p -> p.getValue().getEnumeration() != null && p.getValue().getEnumeration().size() == 1)
                .allMatch(p -> p.getValue().getEnumeration().get(0).equals(object.get(p.getKey())));
    }

    static Map<String, Map<String, Object>> read() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return new ObjectMapper().readValue(in, new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
