package org.surveillanceoversight.auth;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.surveillanceoversight.common.Problem;

import java.util.List;
import java.util.Optional;

/**
 * Reads stay public; an operation marked @RequiresRole needs `Authorization: Bearer <key>` of an
 * active key with that role or a higher one: 401 without one, 403 with too low a role.
 */
public class KeyAuthentication {

    @Inject
    ApiKeyService keys;

    @Inject
    CurrentCaller current;

    @ServerRequestFilter
    public Response authenticate(ContainerRequestContext request, ResourceInfo resource) {
        RequiresRole required = Optional.ofNullable(resource.getResourceMethod())
                .map(m -> m.getAnnotation(RequiresRole.class))
                .orElseGet(() -> resource.getResourceClass() == null ? null
                        : resource.getResourceClass().getAnnotation(RequiresRole.class));
        if (required == null) {
            return null;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            return unauthorized(request, "This operation needs an API key: send Authorization: Bearer <key>.");
        }
        Optional<Caller> caller = keys.authenticate(header.substring(7).trim());
        if (caller.isEmpty()) {
            return unauthorized(request, "The API key is unknown or revoked.");
        }
        if (!caller.get().role().covers(required.value())) {
            return problem(request, 403, "forbidden", "Forbidden", "This operation needs the role "
                    + required.value() + " or higher; the key has the role " + caller.get().role() + ".")
                    .build();
        }
        current.set(caller.get());
        return null;
    }

    private static Response unauthorized(ContainerRequestContext request, String detail) {
        return problem(request, 401, "unauthorized", "Unauthorized", detail)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"surveillance-oversight\"").build();
    }

    private static Response.ResponseBuilder problem(ContainerRequestContext request, int status, String code,
                                                    String title, String detail) {
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(Problem.of(code, title, status, detail,
                request.getUriInfo().getRequestUri().getRawPath(), List.of()));
    }
}
