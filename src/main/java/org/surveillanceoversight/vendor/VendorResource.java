package org.surveillanceoversight.vendor;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.surveillanceoversight.auth.CurrentCaller;
import org.surveillanceoversight.common.contract.CreateResponses;
import org.surveillanceoversight.common.contract.EditResponses;
import org.surveillanceoversight.common.contract.RetractResponses;
import org.surveillanceoversight.common.errors.ApiProblem;
import org.surveillanceoversight.common.errors.Problem;
import org.surveillanceoversight.common.query.PageParams;
import org.surveillanceoversight.common.query.PageResponse;
import org.surveillanceoversight.common.query.PublicationParam;
import org.surveillanceoversight.common.query.QueryParams;
import org.surveillanceoversight.common.records.MergePatch;
import org.surveillanceoversight.common.records.PublicId;
import org.surveillanceoversight.common.records.ReferenceData;
import org.surveillanceoversight.common.records.RetractionInput;
import org.surveillanceoversight.history.AsOf;
import org.surveillanceoversight.history.Idempotency;
import org.surveillanceoversight.history.RevisionLog;
import org.surveillanceoversight.history.http.AsOfResponses;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/vendors")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Vendors", description = "Companies that supply, integrate, operate or finance surveillance systems")
public class VendorResource {

    @Inject
    VendorService vendors;

    @Inject
    ReferenceData reference;

    @Inject
    VendorWriter writer;

    @Inject
    CurrentCaller caller;

    @Inject
    RevisionLog revisions;

    @Inject
    AsOfResponses asOfResponses;

    @Inject
    MergePatch mergePatch;

    @GET
    @Operation(operationId = "listVendors", summary = "List published vendors by name, with restrictions, findings and their deployment count",
            description = "Companies that supply, integrate, operate or finance deployments, with aliases in any script, restrictions (entity lists, bans) with their sources, findings, and their deployment count. Filter by `q`, `country` (headquarters) or `restricted`.")
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
            @Parameter(description = PublicationParam.DESCRIPTION,
                    schema = @Schema(type = SchemaType.ARRAY, enumeration = {"published", "retracted"}))
            @QueryParam("publication") List<String> publication,
            @Parameter(description = "Answer as the API did at this moment (RFC 3339); only with limit and cursor")
            @QueryParam("as_of") String asOf,
            @Context UriInfo uri) {
        if (asOf != null) {
            return asOfResponses.listResponse("vendor", "name", VendorView.class, asOf, page, uri);
        }
        QueryParams params = new QueryParams(uri.getQueryParameters(), List.of("q", "country", "restricted", "limit", "cursor", "as_of", PublicationParam.NAME));
        List<String> countries = params.oneOf("country", reference.countryCodes(), ReferenceData.ISO_COUNTRY);
        Boolean isRestricted = params.bool("restricted");
        String text = params.string("q");
        int pageSize = page.limit(params);
        List<String> publications = PublicationParam.from(params);
        params.check();
        return PageResponse.of(vendors.list(text, countries, isRestricted, publications, page.cursor, pageSize), uri);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getVendor", summary = "Get one vendor",
            description = "One vendor with its aliases, ownership, restrictions, findings and citations. Its ETag goes in If-Match to edit; a retracted vendor is still served and says why. `as_of` answers as the API did at that moment.")
    @APIResponse(responseCode = "200", description = "The vendor",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VendorView.class)))
    @APIResponse(responseCode = "400", description = "The ID is not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No vendor has this ID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") String id,
                        @Parameter(description = "Answer as the API did at this moment (RFC 3339), from the history")
                        @QueryParam("as_of") String asOf) {
        UUID uuid = PublicId.parse(id, "id");
        if (asOf != null) {
            return asOfResponses.response("vendor", uuid, AsOf.parse(asOf), VendorView.class);
        }
        String etag = revisions.etag("vendor", uuid); // read first: a write in between makes it stale, never the body
        String body = mergePatch.toJson(vendors.find(uuid).orElseThrow(() -> ApiProblem.notFound("vendor", id)));
        return Response.ok(body, MediaType.APPLICATION_JSON).header(HttpHeaders.ETAG, etag).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("editor")
    @SecurityRequirement(name = "apiKey")
    @Operation(operationId = "createVendor", summary = "Create a vendor (editor); it and each restriction cite at least one source",
            description = "Send `Idempotency-Key` to make a retry safe.")
    @APIResponse(responseCode = "201", description = "The new vendor; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VendorView.class)))
    @CreateResponses
    public Response create(@Valid @NotNull VendorInput input,
                           @Parameter(description = "Any unique text, 1 to 200 characters, per request you may retry; a retry within 24 hours (the default of `oversight.idempotency.keep-for`) gets the first answer")
                           @HeaderParam("Idempotency-Key") String idempotencyKey,
                           @Context UriInfo uri) {
        return writer.create(input, caller.get(), Idempotency.checkKey(idempotencyKey), uri.getAbsolutePath().toString())
                .response();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("editor")
    @SecurityRequirement(name = "apiKey")
    @Operation(operationId = "replaceVendor", summary = "Replace a vendor and its restrictions (editor); needs If-Match with its current ETag",
            description = "A restriction with an `id` updates it; one without is new; a current one left out is retracted.")
    @APIResponse(responseCode = "200", description = "The vendor as it is now; its new ETag in the header",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VendorView.class)))
    @EditResponses
    @APIResponse(responseCode = "422", description = "The body names records that do not exist, or breaks a rule of the registry; fields named in `errors`",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replace(@PathParam("id") String id, @Valid @NotNull VendorInput input,
                            @Parameter(description = "The ETag from the GET you edited") @HeaderParam("If-Match") String ifMatch) {
        return writer.update(PublicId.parse(id, "id"), input, ifMatch, caller.get()).response();
    }

    @PATCH
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed("editor")
    @SecurityRequirement(name = "apiKey")
    @Operation(operationId = "patchVendor", summary = "Change a vendor with a JSON merge patch (RFC 7396) on its input form and a change_reason (editor); needs If-Match",
            description = "Applies a JSON merge patch to the vendor's input form (GET .../input): send only the fields to change, null to clear one, and a change_reason. Parts are matched by ID; a part left out of a list is retracted. Needs If-Match.")
    @APIResponse(responseCode = "200", description = "The vendor as it is now; its new ETag in the header",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VendorView.class)))
    @EditResponses
    @APIResponse(responseCode = "422", description = "The body names records that do not exist, or breaks a rule of the registry; fields named in `errors`",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response patch(@PathParam("id") String id, @NotNull JsonNode patch,
                          @Parameter(description = "The ETag from the GET you edited") @HeaderParam("If-Match") String ifMatch) {
        return writer.patch(PublicId.parse(id, "id"), patch, ifMatch, caller.get()).response();
    }

    @POST
    @Path("{id}/retract")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("reviewer")
    @SecurityRequirement(name = "apiKey")
    @Operation(operationId = "retractVendor", summary = "Retract a vendor with a reason (reviewer); it stays readable and says why; needs If-Match",
            description = "Marks the vendor retracted with a reason. It stays readable by ID with the retraction and leaves the lists.")
    @APIResponse(responseCode = "200", description = "The retracted vendor",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VendorView.class)))
    @RetractResponses
    public Response retract(@PathParam("id") String id, @Valid @NotNull RetractionInput input,
                            @Parameter(description = "The ETag from the GET you reviewed") @HeaderParam("If-Match") String ifMatch) {
        return writer.retract(PublicId.parse(id, "id"), input.reason(), ifMatch, caller.get()).response();
    }

    @GET
    @Path("{id}/input")
    @Operation(operationId = "getVendorInput", summary = "The vendor in its input form: the body a PUT takes and a merge patch applies to",
            description = "The body that recreates the vendor through PUT, with the IDs of its restrictions, so an editor can change a field and send it back. `change_reason` is null here; a write must fill it.")
    @APIResponse(responseCode = "400", description = "The ID is not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "200", description = "The input form, without change_reason",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VendorInput.class)))
    @APIResponse(responseCode = "404", description = "No vendor has this ID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public VendorInput input(@PathParam("id") String id) {
        return writer.input(PublicId.parse(id, "id")).orElseThrow(() -> ApiProblem.notFound("vendor", id));
    }

    @GET
    @Path("{id}/history")
    @Operation(operationId = "getVendorHistory", summary = "Every revision of the vendor, oldest first: who, when, why, before and after",
            description = "The append-only revisions of the vendor: key ID, time, reason, and the record before and after, exactly as GET showed it.")
    @APIResponse(responseCode = "400", description = "The ID is not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "200", description = "The revisions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RevisionLog.RevisionList.class)))
    @APIResponse(responseCode = "404", description = "No vendor has this ID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RevisionLog.RevisionList history(@PathParam("id") String id) {
        return revisions.listOf("vendor", PublicId.parse(id, "id"));
    }

    @Schema(name = "VendorPage")
    public record VendorPage(List<VendorView> data, int limit, @Schema(nullable = true) String nextCursor, @Schema(nullable = true) String prevCursor) {
    }
}
