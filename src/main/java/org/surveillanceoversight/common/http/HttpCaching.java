package org.surveillanceoversight.common.http;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.surveillanceoversight.common.config.OversightConfig;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * ETag and Cache-Control for every successful GET of the API, and 304 for a matching
 * If-None-Match. A resource may set a finer ETag of its own (a deployment's revision); others
 * get the data version plus a hash of the request (URI and Accept), which any committed write
 * changes.
 */
public class HttpCaching {

    @Inject
    DataVersion dataVersion;

    // a provider: the filter is made while the application is built, before runtime settings exist
    @Inject
    Provider<OversightConfig> config;

    /** Never blocks: the data version, where needed, is read with the reactive client, so the filter may run on the event loop. */
    @ServerResponseFilter
    public Uni<Void> tag(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getHeaderString(HttpHeaders.AUTHORIZATION) != null) {
            // an answer to a key holder is theirs alone: no shared cache may keep it
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "private, no-store");
            return Uni.createFrom().voidItem();
        }
        if (!isCacheable(request) || response.getStatus() != 200) {
            return Uni.createFrom().voidItem();
        }
        Object own = response.getHeaders().getFirst(HttpHeaders.ETAG);
        if (own != null) {
            apply(request, response, own.toString());
            return Uni.createFrom().voidItem();
        }
        if (response.getEntity() instanceof DataVersioned versioned) {
            apply(request, response, tagOf(versioned.dataVersion(), request));
            return Uni.createFrom().voidItem();
        }
        return dataVersion.currentAsync()
                .invoke(version -> apply(request, response, tagOf(version, request)))
                .replaceWithVoid();
    }

    private static String tagOf(long version, ContainerRequestContext request) {
        return "W/\"" + version + "-" + requestHash(request) + "\"";
    }

    private void apply(ContainerRequestContext request, ContainerResponseContext response, String etag) {
        response.getHeaders().putSingle(HttpHeaders.ETAG, etag);
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "public, max-age=" + config.get().http().maxAge());
        response.getHeaders().putSingle(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        if (matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), etag)) {
            // for exports this also means the body is never produced
            response.setStatus(Response.Status.NOT_MODIFIED.getStatusCode());
            response.setEntity(null);
            response.getHeaders().remove("Content-Disposition");
        }
    }

    /** Weak comparison (RFC 9110 8.8.3.2): W/"x" matches "x" and W/"x"; * matches anything. */
    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        String opaque = etag.startsWith("W/") ? etag.substring(2) : etag;
        return Arrays.stream(ifNoneMatch.split(",")).map(String::trim)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals(opaque) || tag.equals("*"));
    }

    private static boolean isCacheable(ContainerRequestContext request) {
        String method = request.getMethod();
        return ("GET".equals(method) || "HEAD".equals(method))
                && request.getUriInfo().getPath().startsWith("/api/");
    }

    private static String requestHash(ContainerRequestContext request) {
        CRC32 crc = new CRC32();
        crc.update(request.getUriInfo().getRequestUri().toString().getBytes(StandardCharsets.UTF_8));
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        if (accept != null) {
            crc.update(accept.getBytes(StandardCharsets.UTF_8));
        }
        return Long.toHexString(crc.getValue());
    }
}
