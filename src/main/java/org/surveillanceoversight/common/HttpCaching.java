package org.surveillanceoversight.common;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * ETag and Cache-Control for every GET of the API. The ETag is the data version plus a hash of
 * the request (URI and Accept), so it changes with any committed write and a matching
 * If-None-Match is answered 304 before any query runs.
 */
public class HttpCaching {

    private static final String ETAG = "oversight.etag";

    @Inject
    DataVersion dataVersion;

    @ConfigProperty(name = "oversight.http.max-age", defaultValue = "30")
    int maxAge;

    @ServerRequestFilter
    public Response notModified(ContainerRequestContext request) {
        if (!isCacheable(request)) {
            return null;
        }
        String etag = "W/\"" + dataVersion.current() + "-" + requestHash(request) + "\"";
        request.setProperty(ETAG, etag);
        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && Arrays.stream(ifNoneMatch.split(","))
                .map(String::trim).anyMatch(tag -> tag.equals(etag) || tag.equals("*") || tag.equals(etag.substring(2)))) {
            return Response.notModified().header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, cacheControl())
                    .header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
        }
        return null;
    }

    @ServerResponseFilter
    public void tag(ContainerRequestContext request, ContainerResponseContext response) {
        Object etag = request.getProperty(ETAG);
        if (etag != null && response.getStatus() == 200) {
            response.getHeaders().putSingle(HttpHeaders.ETAG, etag);
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, cacheControl());
            response.getHeaders().putSingle(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        }
    }

    private String cacheControl() {
        return "public, max-age=" + maxAge;
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
