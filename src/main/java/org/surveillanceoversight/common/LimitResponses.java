package org.surveillanceoversight.common;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.Map;

/**
 * Documents the limits that apply to every API operation, as the HTTP layer enforces them
 * (RateLimiter, BodyLimit) rather than each resource: 429 on every /api operation, 413 on every one
 * that takes a body, and the RateLimit-* headers.
 */
public class LimitResponses implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith("/api/") || path.getValue().getOperations() == null) {
                continue;
            }
            for (Operation operation : path.getValue().getOperations().values()) {
                if (operation.getResponses() == null) {
                    continue;
                }
                operation.getResponses().addAPIResponse("429", OASFactory.createAPIResponse()
                        .description("Over the rate limit for this address or key; wait the seconds in Retry-After")
                        .content(problem())
                        .addHeader("Retry-After", header("Seconds until the limit resets"))
                        .addHeader("RateLimit-Limit", header("Requests allowed in the current minute"))
                        .addHeader("RateLimit-Remaining", header("Requests left in it"))
                        .addHeader("RateLimit-Reset", header("Seconds until it ends")));
                if (operation.getRequestBody() != null) {
                    operation.getResponses().addAPIResponse("413", OASFactory.createAPIResponse()
                            .description("The body is larger than the service accepts (quarkus.http.limits.max-body-size)")
                            .content(problem()));
                }
            }
        }
    }

    private static Content problem() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("#/components/schemas/Problem")));
    }

    private static Header header(String description) {
        return OASFactory.createHeader().description(description)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER));
    }
}
