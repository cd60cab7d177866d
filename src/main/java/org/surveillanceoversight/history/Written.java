package org.surveillanceoversight.history;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The result of a write as the client sees it: status, Location, JSON body, and its ETag (when known). */
public record Written(int status, String location, String body, String etag) {

    /** The response first given for an Idempotency-Key, given again. */
    public static Written replay(Idempotency.Stored stored) {
        return new Written(stored.status(), stored.location(), stored.body(), null);
    }

    public Idempotency.Stored stored() {
        return new Idempotency.Stored(status, location, body);
    }

    public Response response() {
        Response.ResponseBuilder response = Response.status(status).type(MediaType.APPLICATION_JSON).entity(body);
        if (location != null) {
            response.header(HttpHeaders.LOCATION, location);
        }
        if (etag != null) {
            response.header(HttpHeaders.ETAG, etag);
        }
        return response.build();
    }
}
