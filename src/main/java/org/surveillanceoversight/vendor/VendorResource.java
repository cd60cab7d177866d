package org.surveillanceoversight.vendor;

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
import org.surveillanceoversight.common.ReferenceData;

import java.util.List;

@Path("/api/v1/vendors")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Vendors", description = "Companies that supply, integrate, operate or finance surveillance systems")
public class VendorResource {

    @Inject
    VendorService vendors;

    @Inject
    ReferenceData reference;

    @GET
    @Operation(summary = "List published vendors by name, with restrictions, findings and their deployment count")
    @APIResponse(responseCode = "200", description = "A page of vendors",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VendorPage.class)))
    @APIResponse(responseCode = "400", description = "An unknown parameter or a bad value",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(
            @Parameter(description = "Part of the name or an alias, any script") @QueryParam("q") String q,
            @Parameter(description = "Headquarters country (ISO alpha-2); repeatable") @QueryParam("country") List<String> country,
            @Parameter(description = "true: under a restriction in force; false: under none",
                    schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("restricted") String restricted,
            @BeanParam PageParams page,
            @Context UriInfo uri) {
        QueryParams params = new QueryParams(uri.getQueryParameters(), List.of("q", "country", "restricted", "limit", "cursor"));
        List<String> countries = params.oneOf("country", reference.countryCodes(), ReferenceData.ISO_COUNTRY);
        Boolean isRestricted = params.bool("restricted");
        String text = params.string("q");
        int pageSize = page.limit(params);
        params.check();
        return PageResponse.of(vendors.list(text, countries, isRestricted, page.cursor, pageSize), uri);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get one vendor")
    @APIResponse(responseCode = "200", description = "The vendor",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VendorView.class)))
    @APIResponse(responseCode = "400", description = "The ID is not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No vendor has this ID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public VendorView get(@PathParam("id") String id) {
        return vendors.find(PublicId.parse(id, "id")).orElseThrow(() -> ApiProblem.notFound("vendor", id));
    }

    @Schema(name = "VendorPage")
    public record VendorPage(List<VendorView> data, int limit, String nextCursor, String prevCursor) {
    }
}
