package org.surveillanceoversight.history;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.surveillanceoversight.common.errors.Problem;
import org.surveillanceoversight.common.query.QueryParams;

import java.util.List;

@Path("/api/v1/changes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "History", description = "Every revision of every record, and reads as of a past moment")
public class ChangeResource {

    @Inject
    ChangeFeed feed;

    @Inject
    RecordRenderer renderer;

    @Schema(name = "ChangePage")
    public record ChangePage(List<RevisionLog.RevisionView> data, int limit,
                             @Schema(description = "Where to continue: never null, so a client can poll with it") String nextCursor) {
    }

    @GET
    @Operation(operationId = "listChanges", summary = "Every revision in commit order",
            description = "Start without `since` and follow `next_cursor`; an empty page means you are up to date, and "
                    + "its `next_cursor` is where to poll next. Each revision holds the record before and after, exactly "
                    + "as GET showed it; applying every `after` in order rebuilds the current dataset.")
    @APIResponse(responseCode = "200", description = "A page of revisions, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChangePage.class)))
    @APIResponse(responseCode = "400", description = "A bad cursor, limit or type, named in `errors`",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(
            @Parameter(description = "The `next_cursor` of the previous page; omit to start at the beginning")
            @QueryParam("since") String since,
            @Parameter(description = "Revisions per page, 1 to 1000 (default 100)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000", defaultValue = "100"))
            @QueryParam("limit") String limit,
            @Parameter(description = "Only revisions of this kind of record; repeatable",
                    schema = @Schema(type = SchemaType.ARRAY, enumeration = {"deployment", "vendor", "source", "locality"}))
            @QueryParam("entity_type") List<String> entityType,
            @Context UriInfo uri) {
        QueryParams params = new QueryParams(uri.getQueryParameters(), List.of("since", "limit", "entity_type"));
        List<String> types = params.oneOf("entity_type", renderer.types());
        long after = ChangeFeed.decode(params, since);
        Integer size = params.integer("limit", 1, ChangeFeed.MAX_LIMIT);
        size = size == null ? ChangeFeed.DEFAULT_LIMIT : size;
        params.check();
        ChangePage page = feed.page(after, types, size);
        Response.ResponseBuilder response = Response.ok(page);
        response.link(uri.getRequestUriBuilder().replaceQueryParam("since", page.nextCursor())
                .replaceQueryParam("limit", size).build(), "next");
        return response.build();
    }
}
