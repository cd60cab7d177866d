package org.surveillanceoversight.common.query;

import org.surveillanceoversight.common.errors.ApiProblem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** A page as a response, with the RFC 8288 `Link` headers rel="next" and rel="prev" where those pages exist. */
public final class PageResponse {

    private PageResponse() {
    }

    public static Response of(Page<?> page, UriInfo uri) {
        return of(Response.ok(page), page.nextCursor(), page.prevCursor(), page.limit(), uri);
    }

    public static Response of(Response.ResponseBuilder response, String nextCursor, String prevCursor, int limit,
                              UriInfo uri) {
        if (nextCursor != null) {
            response.link(uri.getRequestUriBuilder().replaceQueryParam("cursor", nextCursor)
                    .replaceQueryParam("limit", limit).build(), "next");
        }
        if (prevCursor != null) {
            response.link(uri.getRequestUriBuilder().replaceQueryParam("cursor", prevCursor)
                    .replaceQueryParam("limit", limit).build(), "prev");
        }
        return response.build();
    }

    /** The page size from the query, or a field error recorded on params. */
    public static int limit(QueryParams params, String text) {
        try {
            return Cursor.limit(text);
        } catch (ApiProblem e) {
            params.error("limit", "must be between 1 and " + Cursor.MAX_LIMIT);
            return Cursor.DEFAULT_LIMIT;
        }
    }
}
