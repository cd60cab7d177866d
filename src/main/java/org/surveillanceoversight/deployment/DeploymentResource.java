package org.surveillanceoversight.deployment;

import jakarta.inject.Inject;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.surveillanceoversight.common.ApiProblem;
import org.surveillanceoversight.common.Page;
import org.surveillanceoversight.common.Problem;
import org.surveillanceoversight.common.PublicId;

@Path("/api/v1/deployments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deployments", description = "Surveillance programs, one program in one place")
public class DeploymentResource {

    @Inject
    DeploymentService deployments;

    @GET
    @Operation(summary = "List published deployments",
            description = "Keyset pages in a stable order. Follow `next_cursor` (or the `Link: rel=\"next\"` header) "
                    + "until it is null.")
    @APIResponse(responseCode = "200", description = "A page of deployments",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeploymentPage.class)))
    @APIResponse(responseCode = "400", description = "A bad limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(
            @Parameter(description = "Page size, 1 to 500 (default 50)", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50")) @QueryParam("limit") String limit,
            @Parameter(description = "Opaque cursor from the previous page's `next_cursor`") @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        Page<DeploymentView> page = deployments.list(cursor, limit);
        Response.ResponseBuilder response = Response.ok(page);
        if (page.nextCursor() != null) {
            response.link(uri.getRequestUriBuilder().replaceQueryParam("cursor", page.nextCursor())
                    .replaceQueryParam("limit", page.limit()).build(), "next");
        }
        return response.build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get one deployment with its country, localities, vendors, camera counts, capabilities, "
            + "financing, oversight assessment and the citations of every claim")
    @APIResponse(responseCode = "200", description = "The deployment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeploymentView.class)))
    @APIResponse(responseCode = "400", description = "The ID is not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No deployment has this ID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DeploymentView get(@Parameter(description = "The deployment's UUID") @PathParam("id") String id) {
        return deployments.find(PublicId.parse(id, "id"))
                .orElseThrow(() -> ApiProblem.notFound("deployment", id));
    }

    /** The page type as the OpenAPI document names it (generic records have no schema name of their own). */
    @Schema(name = "DeploymentPage")
    public record DeploymentPage(java.util.List<DeploymentView> data, int limit, String nextCursor) {
    }
}
