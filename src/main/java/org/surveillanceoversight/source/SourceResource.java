package org.surveillanceoversight.source;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.surveillanceoversight.common.ApiProblem;
import org.surveillanceoversight.common.PageParams;
import org.surveillanceoversight.common.PageResponse;
import org.surveillanceoversight.common.Problem;
import org.surveillanceoversight.common.PublicId;
import org.surveillanceoversight.common.QueryParams;

import java.util.List;

@Path("/api/v1/sources")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sources", description = "The documents every claim cites")
public class SourceResource {

    @Inject
    SourceService sources;

    @GET
    @Operation(summary = "List published sources by title")
    @APIResponse(responseCode = "200", description = "A page of sources",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SourceView.SourcePage.class)))
    @APIResponse(responseCode = "400", description = "An unknown parameter or a bad value",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(
            @Parameter(description = "Kind of document; repeatable",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = Source.Kind.class)) @QueryParam("kind") List<String> kind,
            @Parameter(description = "Language tag, e.g. en; repeatable") @QueryParam("language") List<String> language,
            @Parameter(description = "Part of the title or publisher") @QueryParam("q") String q,
            @BeanParam PageParams page,
            @Context UriInfo uri) {
        QueryParams params = new QueryParams(uri.getQueryParameters(), List.of("kind", "language", "q", "limit", "cursor"));
        List<Source.Kind> kinds = params.enums("kind", Source.Kind.class);
        List<String> languages = params.values("language", v -> {
            if (!v.matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
                throw new IllegalArgumentException();
            }
            return v;
        }, "a language tag such as en or ru");
        String text = params.string("q");
        int pageSize = page.limit(params);
        params.check();
        return PageResponse.of(sources.list(kinds, languages, text, page.cursor, pageSize), uri);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get one source")
    @APIResponse(responseCode = "200", description = "The source",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SourceView.class)))
    @APIResponse(responseCode = "400", description = "The ID is not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No source has this ID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SourceView get(@PathParam("id") String id) {
        return sources.find(PublicId.parse(id, "id")).orElseThrow(() -> ApiProblem.notFound("source", id));
    }
}
