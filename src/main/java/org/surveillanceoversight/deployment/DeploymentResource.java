package org.surveillanceoversight.deployment;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.surveillanceoversight.common.ApiProblem;
import org.surveillanceoversight.common.PageParams;
import org.surveillanceoversight.common.PageResponse;
import org.surveillanceoversight.common.QueryParams;
import org.surveillanceoversight.common.ReferenceData;
import org.surveillanceoversight.common.Problem;
import org.surveillanceoversight.common.PublicId;

import java.util.List;
import java.util.stream.Stream;

@Path("/api/v1/deployments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deployments", description = "Surveillance programs, one program in one place")
public class DeploymentResource {

    static final List<String> LIST_PARAMETERS = Stream.concat(DeploymentFilter.PARAMETERS.stream(),
            Stream.of("limit", "cursor", "sort")).toList();

    @Inject
    DeploymentService deployments;

    @Inject
    ReferenceData reference;

    @Inject
    ObjectMapper json;

    @Inject
    DocumentReads reads;

    @GET
    @Operation(summary = "List published deployments, filtered and sorted",
            description = "Keyset pages: follow `next_cursor` (or the `Link: rel=\"next\"` header) until it is null. "
                    + "Values of one parameter are alternatives (repeat it or separate with commas); different "
                    + "parameters must all hold. Camera filters use each deployment's latest observation.")
    @APIResponse(responseCode = "200", description = "A page of deployments",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeploymentPage.class)))
    @APIResponse(responseCode = "400", description = "An unknown parameter or a bad value, named in `errors`",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(
            @BeanParam DeploymentFilterParams filters,
            @BeanParam PageParams page,
            @Parameter(description = "Order: title (default), id, country, cameras or updated_at; a leading `-` reverses it",
                    schema = @Schema(type = SchemaType.STRING, defaultValue = "title")) @QueryParam("sort") String sort,
            @Context UriInfo uri) {
        QueryParams params = new QueryParams(uri.getQueryParameters(), LIST_PARAMETERS);
        DeploymentFilter filter = DeploymentFilter.from(params, reference.countryCodes(), reference.capabilityCodes());
        String sortText = sort == null ? DeploymentSort.title.name() : sort;
        boolean descending = sortText.startsWith("-");
        DeploymentSort order = null;
        try {
            order = DeploymentSort.valueOf(descending ? sortText.substring(1) : sortText);
        } catch (IllegalArgumentException e) {
            params.error("sort", "must be one of " + DeploymentSort.allowed());
        }
        int pageSize = page.limit(params);
        params.check();
        RawPage found = deployments.list(filter, order, descending, page.cursor, pageSize);
        return PageResponse.of(Response.ok(found.toJson(json), MediaType.APPLICATION_JSON), found.nextCursor(),
                found.prevCursor(), found.limit(), uri);
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
    public Uni<Response> get(@Parameter(description = "The deployment's UUID") @PathParam("id") String id) {
        return reads.find(PublicId.parse(id, "id")).map(found -> found
                // the deployment's own revision is a finer, free ETag (the caching filter answers If-None-Match)
                .map(doc -> Response.ok(doc.body(), MediaType.APPLICATION_JSON)
                        .tag(new EntityTag("r" + doc.revision(), true)).build())
                .orElseThrow(() -> ApiProblem.notFound("deployment", id)));
    }

    /** The page type as the OpenAPI document names it (generic records have no schema name of their own). */
    @Schema(name = "DeploymentPage")
    public record DeploymentPage(java.util.List<DeploymentView> data, int limit, String nextCursor, String prevCursor) {
    }
}
