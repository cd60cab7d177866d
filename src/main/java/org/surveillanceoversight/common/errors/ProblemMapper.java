package org.surveillanceoversight.common.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.logging.Log;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The one place that turns failures into application/problem+json (RFC 9457). Callers see
 * what they can fix; never a stack trace, a class name or SQL.
 */
public class ProblemMapper {

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem problem, UriInfo uri) {
        return respond(Problem.of(problem.code, problem.title, problem.status, problem.getMessage(), path(uri), problem.errors));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .collect(Collectors.toList());
        return respond(Problem.of("validation", "Invalid request", 400,
                "The request has invalid values; see errors.", path(uri), errors));
    }

    /**
     * A write that breaks a rule the database enforces (a check, a unique key, a citation rule) and
     * that no earlier check caught: 422 naming the rule, and the transaction is rolled back.
     */
    @ServerExceptionMapper
    public Response databaseRule(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        String rule = e.getConstraintName() == null ? "database" : e.getConstraintName();
        return respond(Problem.of("rule-violated", "Unprocessable request", 422,
                "The write breaks the registry rule '" + rule + "'; nothing was changed.", path(uri),
                List.of(new FieldError(rule, "is violated"))));
    }

    @ServerExceptionMapper
    public Response persistence(PersistenceException e, UriInfo uri) {
        Optional<Response> outage = databaseUnavailable(e, path(uri));
        if (outage.isPresent()) {
            return outage.get();
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException violation) {
                return databaseRule(violation, uri);
            }
        }
        return unexpected(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException mapping ? jsonPath(mapping) : "body";
        String message = e instanceof UnrecognizedPropertyException unknown
                ? "unknown property '" + unknown.getPropertyName() + "'"
                : e instanceof JsonMappingException ? "has the wrong type or format" : "is not valid JSON";
        return respond(Problem.of("unreadable-body", "Unreadable request body", 400,
                "The request body could not be read as the expected JSON.", path(uri),
                List.of(new FieldError(field, message))));
    }

    /** More specific than JsonProcessingException, so Quarkus's own mapper would otherwise answer without field errors. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "Request failed" : type.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "There is no resource at this path.";
            case 405 -> "This method is not allowed on this resource.";
            case 406 -> "None of the accepted media types can be produced.";
            case 415 -> "This media type is not accepted here.";
            default -> title + ".";
        };
        return respond(Problem.of(title.toLowerCase().replace(' ', '-'), title, status, detail, path(uri), List.of()));
    }

    @ServerExceptionMapper(priority = Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        Optional<Response> outage = databaseUnavailable(e, path(uri));
        if (outage.isPresent()) {
            Log.warnf("Database unavailable: %s %s", path(uri), e.getClass().getSimpleName());
            return outage.get();
        }
        String incident = UUID.randomUUID().toString();
        Log.errorf(e, "Unexpected error, incident %s", incident);
        return respond(Problem.of("internal", "Internal error", 500,
                "Something went wrong on our side. Incident " + incident + " is logged.", path(uri), List.of()));
    }

    /** The 503 with Retry-After, when the failure is a lost or refused database connection (see DatabaseOutage). */
    public static Optional<Response> databaseUnavailable(Throwable failure, String path) {
        if (!DatabaseOutage.among(failure)) {
            return Optional.empty();
        }
        return Optional.of(Response.status(503).type(Problem.MEDIA_TYPE).entity(DatabaseOutage.problem(path))
                .header(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER_SECONDS).build());
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    /** "create.input.name" -> "name" (a body field), "get.limit" -> "limit" (a parameter): what the client sent. */
    private static String fieldName(ConstraintViolation<?> violation) {
        List<String> properties = new ArrayList<>();
        String parameter = null;
        for (jakarta.validation.Path.Node node : violation.getPropertyPath()) {
            // "camera_counts[0].total": an element of a list is named by its index on the list's name
            if (node.isInIterable() && !properties.isEmpty()) {
                Object at = node.getIndex() != null ? node.getIndex() : node.getKey();
                if (at != null) {
                    int last = properties.size() - 1;
                    properties.set(last, properties.get(last) + "[" + at + "]");
                }
            }
            switch (node.getKind()) {
                // record components are camelCase in Java and snake_case on the wire
                case PROPERTY -> properties.add(node.getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                        .toLowerCase(Locale.ROOT));
                case PARAMETER -> parameter = node.getName();
                default -> { }
            }
        }
        return !properties.isEmpty() ? String.join(".", properties) : parameter != null ? parameter : "body";
    }

    /** Where in the JSON a mapping failed, as a client names it: "authors[2]", "role". */
    public static String jsonPath(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return path.isEmpty() ? "body" : path;
    }
}
