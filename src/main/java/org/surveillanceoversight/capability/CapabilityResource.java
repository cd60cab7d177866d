package org.surveillanceoversight.capability;


import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.surveillanceoversight.common.errors.ApiProblem;
import org.surveillanceoversight.common.errors.Problem;
import org.surveillanceoversight.common.query.Page;
import org.surveillanceoversight.common.query.QueryParams;

import java.util.List;

@Path("/api/v1/capabilities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Capabilities", description = "The fixed taxonomy of what a deployment can do")
@Transactional(Transactional.TxType.SUPPORTS)
public class CapabilityResource {

    @Inject
    CapabilityService capabilities;


    @Schema(name = "CapabilityPage")
    public record CapabilityPage(List<CapabilityView> data, int limit, @Schema(nullable = true) String nextCursor, @Schema(nullable = true) String prevCursor) {
    }

    @GET
    @Operation(operationId = "listCapabilities", summary = "The whole capability taxonomy, in code order (one page)",
            description = "The fixed capability taxonomy (face identification, plate recognition, ...), each with its description and how many published deployments claim it. It is short, so it comes as one page.")
    @APIResponse(responseCode = "200", description = "Every capability",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CapabilityPage.class)))
    @APIResponse(responseCode = "400", description = "An unknown parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<CapabilityView> list(@Context UriInfo uri) {
        new QueryParams(uri.getQueryParameters(), List.of()).check();
        List<CapabilityView> all = capabilities.all();
        return new Page<>(all, all.size(), null, null);
    }

    @GET
    @Path("{code}")
    @Operation(operationId = "getCapability", summary = "Get one capability by its code",
            description = "One capability of the taxonomy by its code, with its deployment count and the link that lists those deployments.")
    @APIResponse(responseCode = "200", description = "The capability",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CapabilityView.class)))
    @APIResponse(responseCode = "404", description = "No such capability",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CapabilityView get(@PathParam("code") String code) {
        return capabilities.find(code).orElseThrow(() -> ApiProblem.notFound("capability", code));
    }
}
