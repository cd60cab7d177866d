package org.surveillanceoversight.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks one response against the committed spec: the status is declared for the operation, the
 * media type is one it lists, and the body fits: JSON against its schema, each NDJSON line against
 * the item schema, a CSV's header row against the documented columns, and no body on a 304.
 */
public final class ResponseCheck {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_REPORTED = 15;

    private ResponseCheck() {
    }

    /** What was checked: the operation (or null outside the API), the status, and what broke the spec. */
    public record Result(String operationId, int status, List<String> violations) {
    }

    public static Result check(String method, String path, int status, String contentType, String body) {
        OpenApiContract contract = OpenApiContract.get();
        String lookup = method.equals("HEAD") ? "GET" : method;
        Optional<OpenApiContract.Operation> found = contract.find(lookup, path);
        List<String> violations = new ArrayList<>();
        if (found.isEmpty()) {
            // no such operation: only the router's own answers are expected, as problems
            if (status != 404 && status != 405) {
                violations.add(method + " " + path + " is not in the spec, yet answered " + status);
            } else {
                checkBody(contract, "/components/schemas/Problem", "application/problem+json", contentType, body, violations);
            }
            return new Result(null, status, violations);
        }
        OpenApiContract.Operation operation = found.get();
        String statusKey = String.valueOf(status);
        JsonNode response = operation.node().path("responses").path(statusKey);
        if (response.isMissingNode()) {
            violations.add(operation.id() + " answered " + status + ", which the spec does not declare for it (declared: "
                    + operation.statuses() + ")" + excerpt(body));
            return new Result(operation.id(), status, violations);
        }
        boolean noBody = body == null || body.isEmpty();
        if (status == 304 || method.equals("HEAD")) {
            if (!noBody) {
                violations.add(operation.id() + " " + status + " has a body");
            }
            return new Result(operation.id(), status, violations);
        }
        JsonNode content = response.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            if (!noBody) {
                violations.add(operation.id() + " " + status + " declares no content, yet sent " + contentType + excerpt(body));
            }
            return new Result(operation.id(), status, violations);
        }
        String actual = mediaType(contentType);
        String declared = null;
        for (Iterator<String> names = content.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (mediaType(name).equals(actual)) {
                declared = name;
            }
        }
        if (declared == null) {
            List<String> listed = new ArrayList<>();
            content.fieldNames().forEachRemaining(listed::add);
            violations.add(operation.id() + " " + status + " sent " + contentType + "; the spec lists " + listed);
            return new Result(operation.id(), status, violations);
        }
        String schemaPointer = operation.pointer() + "/responses/" + statusKey + "/content/"
                + OpenApiContract.escape(declared) + "/schema";
        checkBody(contract, schemaPointer, actual, contentType, body, violations);
        violations.replaceAll(v -> operation.id() + " " + status + " " + actual + ": " + v);
        return new Result(operation.id(), status, violations);
    }

    private static void checkBody(OpenApiContract contract, String schemaPointer, String mediaType, String contentType,
                                  String body, List<String> violations) {
        if (!mediaType(contentType).equals(mediaType)) {
            violations.add("sent " + contentType + " where " + mediaType + " is expected" + excerpt(body));
            return;
        }
        switch (mediaType) {
            case "text/csv" -> {
                JsonNode columns = contract.at(schemaPointer).path("x-csv-columns");
                if (!columns.isArray()) {
                    violations.add("the spec documents no x-csv-columns for this CSV");
                    return;
                }
                List<String> want = new ArrayList<>();
                columns.forEach(c -> want.add(c.asText()));
                String header = body == null || body.isEmpty() ? "" : body.lines().findFirst().orElse("");
                if (!header.equals(String.join(",", want))) {
                    violations.add("the header row is\n  " + header + "\nthe spec documents\n  " + String.join(",", want));
                }
            }
            case "application/x-ndjson" -> {
                int line = 0;
                for (String text : body.split("\n")) {
                    line++;
                    if (!text.isBlank()) {
                        validate(contract, schemaPointer, text, "line " + line + ": ", violations);
                    }
                    if (violations.size() > MAX_REPORTED) {
                        return;
                    }
                }
            }
            default -> {
                if (mediaType.equals("application/json") || mediaType.endsWith("+json")) {
                    validate(contract, schemaPointer, body, "", violations);
                }
            }
        }
    }

    private static void validate(OpenApiContract contract, String pointer, String text, String prefix, List<String> violations) {
        JsonNode instance;
        try {
            instance = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            violations.add(prefix + "not JSON" + excerpt(text));
            return;
        }
        List<String> errors = contract.validate(pointer, instance);
        for (String error : errors.subList(0, Math.min(errors.size(), MAX_REPORTED))) {
            violations.add(prefix + error);
        }
        if (errors.size() > MAX_REPORTED) {
            violations.add(prefix + "... and " + (errors.size() - MAX_REPORTED) + " more");
        }
    }

    static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static String excerpt(String body) {
        if (body == null || body.isEmpty()) {
            return "";
        }
        return "\n  body: " + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
    }
}
