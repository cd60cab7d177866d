package org.surveillanceoversight.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.surveillanceoversight.common.errors.Problem;
import org.surveillanceoversight.common.errors.ProblemMapper;

import java.util.List;
import java.util.Optional;

/** Quarkus Security's refusals as the API's problem documents: 401 with the Bearer challenge, 403 naming the roles. */
public class SecurityProblems {

    @Inject
    CurrentCaller caller;

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return unauthorized(uri, "This operation needs an API key: send Authorization: Bearer <key>.");
    }

    @ServerExceptionMapper
    public Response badKey(AuthenticationFailedException e, UriInfo uri) {
        // a key that could not be looked up because the database is down is not a bad key
        return ProblemMapper.databaseUnavailable(e, uri.getRequestUri().getRawPath())
                .orElseGet(() -> unauthorized(uri, "The API key is unknown or revoked."));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, ResourceInfo resource) {
        String needed = Optional.ofNullable(resource.getResourceMethod())
                .map(m -> m.getAnnotation(RolesAllowed.class)).map(r -> r.value()[0]).orElse("a higher one");
        return problem(uri, 403, "forbidden", "Forbidden", "This operation needs the role " + needed
                + " or higher; the key has the role " + caller.get().role() + ".").build();
    }

    private static Response unauthorized(UriInfo uri, String detail) {
        return problem(uri, 401, "unauthorized", "Unauthorized", detail)
                .header(HttpHeaders.WWW_AUTHENTICATE, ApiKeyAuthentication.CHALLENGE).build();
    }

    private static Response.ResponseBuilder problem(UriInfo uri, int status, String code, String title, String detail) {
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(code, title, status, detail, uri.getRequestUri().getRawPath(), List.of()));
    }
}
