package org.surveillanceoversight.history.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.surveillanceoversight.common.errors.ApiProblem;
import org.surveillanceoversight.common.query.PageParams;
import org.surveillanceoversight.common.query.PageResponse;
import org.surveillanceoversight.common.query.QueryParams;
import org.surveillanceoversight.history.AsOf;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The HTTP answers of as_of reads, for the resources: the past representation with its ETag, or
 * a page of them with its Link headers. Usable from a worker thread (it opens a request context
 * when none is active).
 */
@ApplicationScoped
public class AsOfResponses {

    @Inject
    AsOf asOf;

    /** The record as GET showed it at that moment, or a 404 saying it was not public then. */
    @ActivateRequestContext
    public <T> Response response(String type, UUID id, Instant at, Class<T> view) {
        return asOf.get(type, id, at, view)
                .map(found -> Response.ok(found.body(), MediaType.APPLICATION_JSON)
                        .header(HttpHeaders.ETAG, found.etag()).build())
                .orElseThrow(() -> new ApiProblem("not-found", "Not Found", 404, "No " + type + " with ID " + id
                        + " was public at " + at + ".", List.of()));
    }

    /**
     * A list request with as_of: only limit and cursor may come with it (filters and sorts are of
     * the present); answers the page as it was then, with its Link headers.
     */
    @ActivateRequestContext
    public <T> Response listResponse(String type, String sortField, Class<T> view, String at, PageParams page,
                                     UriInfo uri) {
        QueryParams params = new QueryParams(uri.getQueryParameters(), List.of("as_of", "limit", "cursor"));
        Instant moment = AsOf.parse(at);
        int pageSize = page.limit(params);
        params.check();
        return PageResponse.of(asOf.list(type, sortField, moment, page.cursor, pageSize, view), uri);
    }
}
