package org.surveillanceoversight.contract;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.net.URI;

/**
 * A REST Assured filter on every test (installed by ContractExtension): each response to an /api
 * request is checked against the committed spec, and a response that breaks it fails the test.
 */
public class SpecValidationFilter implements Filter {

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
                           FilterContext context) {
        Response response = context.next(request, responseSpec);
        String path = URI.create(request.getURI()).getRawPath();
        // CORS preflights are the HTTP layer's answer to browsers, not operations of the API
        if (!path.startsWith("/api/") || request.getMethod().equals("OPTIONS")) {
            return response;
        }
        String body = request.getMethod().equals("HEAD") ? "" : response.asString();
        ResponseCheck.Result result = ResponseCheck.check(request.getMethod(), path, response.statusCode(),
                response.contentType(), body);
        if (result.operationId() != null) {
            ExercisedResponses.record(result.operationId(), result.status(), result.violations().isEmpty());
        }
        if (!result.violations().isEmpty()) {
            throw new AssertionError("The response to " + request.getMethod() + " " + request.getURI()
                    + " breaks the committed spec (openapi/openapi.json):\n- " + String.join("\n- ", result.violations()));
        }
        return response;
    }
}
