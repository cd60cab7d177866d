package org.surveillanceoversight.common.contract;

import org.surveillanceoversight.common.errors.Problem;
import org.surveillanceoversight.common.observability.RequestIds;
import org.surveillanceoversight.common.records.MergePatch;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.Arrays;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the HTTP layer does for every operation, documented once rather than on each resource:
 * rate limits (429), an over-long request line (414), an unreachable database (503), body limits
 * and media types (413, 415), content negotiation (406), conditional GETs (304), keys (401), the
 * security headers of every answer; a relative server; public operations marked public. And the two rules
 * the wire follows for every schema: an answer always carries every property (null where unknown),
 * and an input may leave out, or send null for, any property it does not require.
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = 0)
public class ContractConventions implements OASFilter {

    static final String PROBLEM = "#/components/schemas/Problem";
    static final String SCHEMAS = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.servers(List.of(OASFactory.createServer().url("/")
                .description("The host that serves this document; every path starts with /api/v1")));
        if (openAPI.getInfo() == null) {
            openAPI.info(OASFactory.createInfo()); // title, version, contact and licence come from configuration
        }
        Map<String, String> dataLicense = new LinkedHashMap<>(); // in this order, so the generated spec is stable
        dataLicense.put("name", "CC BY 4.0");
        dataLicense.put("url", "https://creativecommons.org/licenses/by/4.0/");
        dataLicense.put("attribution", "Surveillance Oversight API, and the sources each record cites");
        openAPI.getInfo().addExtension("x-data-license", dataLicense);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        if (openAPI.getComponents() == null) {
            openAPI.components(OASFactory.createComponents());
        }
        SECURITY_HEADERS.forEach((name, value) -> openAPI.getComponents().addHeader(name, OASFactory.createHeader()
                .description("Sent on every answer (docs/SECURITY.md)")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).enumeration(List.of(value)))));
        openAPI.getComponents().addHeader(RequestIds.HEADER, OASFactory.createHeader()
                .description("This request's id, also in every log line it caused: quote it when you report a problem. "
                        + "The X-Request-Id the request carried when that was 1-64 letters, digits or `. _ : -` (as a proxy "
                        + "sets it), else one the service made")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).pattern("^[A-Za-z0-9._:-]{1,64}$")));
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith("/api/") || path.getValue().getOperations() == null) {
                continue;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().getOperations().entrySet()) {
                document(entry.getKey(), entry.getValue());
            }
        }
        openAPI.getComponents().addSchema("MergePatch", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("A JSON merge patch (RFC 7396) on the record's input form (the body its PUT takes): send only "
                        + "the fields to change, null to clear one, and a change_reason")
                .additionalPropertiesBoolean(Boolean.TRUE));
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        if (!schemas.isEmpty()) {
            Set<String> inputs = reachable(schemas, requestSchemas(openAPI));
            Set<String> outputs = reachable(schemas, responseSchemas(openAPI));
            Set<String> used = new HashSet<>(inputs);
            used.addAll(outputs);
            used.addAll(reachable(schemas, parameterSchemas(openAPI)));
            // a Java type that only the scanner saw (e.g. JsonNode behind a merge patch) is no part of the contract
            new ArrayList<>(schemas.keySet()).stream().filter(name -> !used.contains(name))
                    .forEach(openAPI.getComponents()::removeSchema);
            schemas.forEach((name, schema) -> {
                if (inputs.contains(name)) {
                    optionalMayBeNull(schema);
                } else if (outputs.contains(name) && !name.equals("Problem")) {
                    everyPropertyPresent(schema);
                }
            });
        }
    }

    /** The headers every API answer carries (application.properties, quarkus.http.header and the api-csp filter). */
    static final Map<String, String> SECURITY_HEADERS = securityHeaders();

    private static Map<String, String> securityHeaders() {
        Map<String, String> headers = new LinkedHashMap<>(); // in this order, so the generated spec is stable
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        return headers;
    }

    private static void document(PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            return;
        }
        documentStatuses(method, operation, responses);
        responses.getAPIResponses().forEach((status, response) -> {
            if (!status.equals("414")) { // the HTTP layer's own answer, before any header is set
                SECURITY_HEADERS.keySet().forEach(name ->
                        response.addHeader(name, OASFactory.createHeader().ref("#/components/headers/" + name)));
                response.addHeader(RequestIds.HEADER, OASFactory.createHeader().ref("#/components/headers/" + RequestIds.HEADER));
            }
        });
    }

    private static void documentStatuses(PathItem.HttpMethod method, Operation operation, APIResponses responses) {
        boolean keyed = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        if (!keyed) {
            operation.setSecurity(List.of()); // public: no key needed
        }
        if (keyed) {
            // 403 is the operation's own to declare: one that any role may call never answers it
            addIfAbsent(responses, "401", "No key, or an unknown or revoked one (`Authorization: Bearer <key>`)");
        }
        if (method == PathItem.HttpMethod.GET && !keyed) {
            responses.addAPIResponse("304", OASFactory.createAPIResponse()
                    .description("Not modified: If-None-Match names the current ETag; no body"));
        }
        addIfAbsent(responses, "406", "Accept names no media type this operation serves; `detail` lists those it does");
        if (operation.getRequestBody() != null) {
            responses.addAPIResponse("413", problem("The body is larger than the service accepts (quarkus.http.limits.max-body-size)"));
            addIfAbsent(responses, "415", "Content-Type is not one this operation reads");
        }
        responses.addAPIResponse("429", problem("Over the rate limit for this address or key; wait the seconds in Retry-After")
                .addHeader("Retry-After", header("Seconds until the limit resets"))
                .addHeader("RateLimit-Limit", header("Requests allowed in the current minute"))
                .addHeader("RateLimit-Remaining", header("Requests left in it"))
                .addHeader("RateLimit-Reset", header("Seconds until it ends")));
        responses.addAPIResponse("414", OASFactory.createAPIResponse().description("The request line (path and query) is "
                + "longer than the service reads (quarkus.http.limits.max-initial-line-length, 4096 bytes); the HTTP layer "
                + "answers before the API does, with no body"));
        responses.addAPIResponse("503", problem("The database cannot be reached right now, or no connection to it became free in time (the "
                + "service is overloaded), so nothing was served or written; "
                + "send the request again after the seconds in Retry-After (a write with the same Idempotency-Key or If-Match)")
                .addHeader("Retry-After", header("Seconds to wait before sending the request again")));
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(ContractConventions::enumOnItems);
            operation.getParameters().forEach(ContractConventions::constrain);
        }
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            MediaType patch = operation.getRequestBody().getContent().getMediaType(MergePatch.MEDIA_TYPE);
            if (patch != null) {
                patch.schema(OASFactory.createSchema().ref(SCHEMAS + "MergePatch"));
            }
        }
    }

    /** What holds for a parameter of this name wherever it appears. */
    private static void constrain(Parameter parameter) {
        Schema schema = parameter.getSchema();
        if (schema == null) {
            return;
        }
        switch (parameter.getName()) {
            case "id" -> schema.format("uuid");
            case "as_of" -> schema.format("date-time");
            case "Idempotency-Key" -> schema.minLength(1).maxLength(200);
            default -> { }
        }
    }

    /** SmallRye puts the enumeration of a repeatable parameter on the array; it belongs to each item. */
    private static void enumOnItems(Parameter parameter) {
        Schema schema = parameter.getSchema();
        if (schema == null || schema.getType() == null || !schema.getType().contains(Schema.SchemaType.ARRAY)) {
            return;
        }
        if (schema.getItems() == null) {
            Schema items = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
            if (schema.getEnumeration() != null) {
                items.enumeration(new ArrayList<>(schema.getEnumeration()));
            }
            schema.items(items);
        }
        schema.enumeration(null);
    }

    private static void addIfAbsent(APIResponses responses, String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, problem(description));
        }
    }

    private static APIResponse problem(String description) {
        Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM)));
        return OASFactory.createAPIResponse().description(description).content(content);
    }

    private static Header header(String description) {
        return OASFactory.createHeader().description(description)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER));
    }

    /** Jackson writes every property of an answer, null included, so each is required (and may be nullable). */
    private static void everyPropertyPresent(Schema schema) {
        if (schema.getProperties() != null && !schema.getProperties().isEmpty()) {
            schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
        }
    }

    /** An input property that is not required may be sent as null, which reads as absent. */
    private static void optionalMayBeNull(Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        Map<String, Schema> properties = new LinkedHashMap<>(schema.getProperties());
        properties.forEach((name, property) -> {
            if (!required.contains(name)) {
                schema.addProperty(name, nullable(property));
            }
        });
    }

    static Schema nullable(Schema property) {
        if (property.getRef() != null) {
            return OASFactory.createSchema().description(property.getDescription())
                    .addAnyOf(OASFactory.createSchema().ref(property.getRef()))
                    .addAnyOf(OASFactory.createSchema().addType(Schema.SchemaType.NULL));
        }
        if (property.getType() != null && !property.getType().isEmpty()
                && !property.getType().contains(Schema.SchemaType.NULL)) {
            property.addType(Schema.SchemaType.NULL);
        }
        return property;
    }

    private static List<Schema> requestSchemas(OpenAPI openAPI) {
        List<Schema> roots = new ArrayList<>();
        forEachOperation(openAPI, operation -> {
            if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                operation.getRequestBody().getContent().getMediaTypes().values().forEach(m -> roots.add(m.getSchema()));
            }
        });
        return roots;
    }

    private static List<Schema> parameterSchemas(OpenAPI openAPI) {
        List<Schema> roots = new ArrayList<>();
        forEachOperation(openAPI, operation -> {
            if (operation.getParameters() != null) {
                operation.getParameters().forEach(p -> roots.add(p.getSchema()));
            }
        });
        return roots;
    }

    private static List<Schema> responseSchemas(OpenAPI openAPI) {
        List<Schema> roots = new ArrayList<>();
        forEachOperation(openAPI, operation -> {
            if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                for (APIResponse response : operation.getResponses().getAPIResponses().values()) {
                    if (response.getContent() != null && response.getContent().getMediaTypes() != null) {
                        for (MediaType media : response.getContent().getMediaTypes().values()) {
                            roots.add(media.getSchema());
                        }
                    }
                }
            }
        });
        return roots;
    }

    private static void forEachOperation(OpenAPI openAPI, Consumer<Operation> action) {
        openAPI.getPaths().getPathItems().values().forEach(item -> {
            if (item.getOperations() != null) {
                item.getOperations().values().forEach(action);
            }
        });
    }

    /** The names of the component schemas reachable from the given schemas through $ref. */
    private static Set<String> reachable(Map<String, Schema> components, List<Schema> roots) {
        Set<String> names = new HashSet<>();
        Deque<Schema> todo = new ArrayDeque<>();
        roots.stream().filter(Objects::nonNull).forEach(todo::push);
        while (!todo.isEmpty()) {
            Schema schema = todo.pop();
            if (schema.getRef() != null && schema.getRef().startsWith(SCHEMAS)) {
                String name = schema.getRef().substring(SCHEMAS.length());
                if (names.add(name) && components.containsKey(name)) {
                    todo.push(components.get(name));
                }
            }
            if (schema.getProperties() != null) {
                schema.getProperties().values().forEach(todo::push);
            }
            if (schema.getItems() != null) {
                todo.push(schema.getItems());
            }
            for (List<Schema> list : new ArrayList<List<Schema>>(Arrays.asList(
                    schema.getAnyOf(), schema.getOneOf(), schema.getAllOf()))) {
                if (list != null) {
                    list.forEach(todo::push);
                }
            }
            if (schema.getAdditionalPropertiesSchema() != null) {
                todo.push(schema.getAdditionalPropertiesSchema());
            }
        }
        return names;
    }
}
