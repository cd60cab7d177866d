package org.surveillanceoversight.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
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
import org.surveillanceoversight.common.query.Keyset;
import org.surveillanceoversight.common.query.PageParams;
import org.surveillanceoversight.common.query.PageResponse;
import org.surveillanceoversight.common.query.PublicationParam;
import org.surveillanceoversight.common.query.QueryParams;
import org.surveillanceoversight.common.records.MergePatch;
import org.surveillanceoversight.common.records.PublicId;
import org.surveillanceoversight.common.records.ReferenceData;
import org.surveillanceoversight.common.records.RetractionInput;
import org.surveillanceoversight.deployment.read.DeploymentFilter;
import org.surveillanceoversight.deployment.read.DeploymentFilterParams;
import org.surveillanceoversight.deployment.read.DeploymentService;
import org.surveillanceoversight.deployment.read.DeploymentSort;
import org.surveillanceoversight.deployment.read.DeploymentView;
import org.surveillanceoversight.deployment.read.DocumentReads;
import org.surveillanceoversight.deployment.write.DeploymentInput;
import org.surveillanceoversight.deployment.write.DeploymentWriter;
import org.surveillanceoversight.history.AsOf;
import org.surveillanceoversight.history.Idempotency;
import org.surveillanceoversight.history.RevisionLog;
import org.surveillanceoversight.history.http.AsOfResponses;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

@Path("/api/v1/deployments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deployments", description = "Surveillance programs, one program in one place")
public class DeploymentResource {

    static final List<String> LIST_PARAMETERS = Stream.concat(DeploymentFilter.PARAMETERS.stream(),
            Stream.of("limit", "cursor", "sort", "as_of", PublicationParam.NAME)).toList();

    @Inject
    DeploymentService deployments;

    @Inject
    ReferenceData reference;

    @Inject
    DocumentReads reads;

    @Inject
    DeploymentWriter writer;

    @Inject
    CurrentCaller caller;

    @Inject
    RevisionLog revisions;

    @Inject
    AsOfResponses asOfResponses;

    @GET
    @Operation(operationId = "listDeployments", summary = "List published deployments, filtered and sorted",
            description = "Keyset pages: follow `next_cursor` (or the `Link: rel=\"next\"` header) until it is null. "
                    + "Values of one parameter are alternatives (repeat it or separate with commas); different "
                    + "parameters must all hold. Camera filters use each deployment's latest observation.")
    @APIResponse(responseCode = "200", description = "A page of deployments",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeploymentPage.class)))
    @APIResponse(responseCode = "400", description = "An unknown parameter or a bad value, named in `errors`",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> list(
            @BeanParam DeploymentFilterParams filters,
            @BeanParam PageParams page,
            @Parameter(description = "Order: title (default), id, country, cameras or updated_at; a leading `-` reverses it",
                    schema = @Schema(type = SchemaType.STRING, defaultValue = "title", enumeration = {"title", "-title", "id", "-id",
                            "country", "-country", "cameras", "-cameras", "updated_at", "-updated_at"}))
            @QueryParam("sort") String sort,
            @Parameter(description = "Answer as the API did at this moment (RFC 3339); only with limit and cursor")
            @QueryParam("as_of") String asOf,
            @Parameter(description = PublicationParam.DESCRIPTION,
                    schema = @Schema(type = SchemaType.ARRAY, enumeration = {"published", "retracted"}))
            @QueryParam("publication") List<String> publication,
            @Context UriInfo uri) {
        if (asOf != null) {
            return reads.onWorker(() -> asOfResponses.listResponse("deployment", "title", DeploymentView.class, asOf, page, uri));
        }
        // validated on the event loop (no database involved), then one non-blocking page query
        QueryParams params = new QueryParams(uri.getQueryParameters(), LIST_PARAMETERS);
        DeploymentFilter filter = DeploymentFilter.from(filters, params, reference.countryCodes(), reference.capabilityCodes());
        String sortText = sort == null ? DeploymentSort.title.name() : sort;
        boolean descending = sortText.startsWith("-");
        DeploymentSort order = null;
        try {
            order = DeploymentSort.valueOf(descending ? sortText.substring(1) : sortText);
        } catch (IllegalArgumentException e) {
            params.error("sort", "must be one of " + DeploymentSort.allowed());
        }
        int pageSize = page.limit(params);
        List<String> publications = PublicationParam.from(params);
        params.check();
        return reads.page(order, descending, filter, publications, page.cursor, pageSize).map(found -> PageResponse.of(Response.ok(found.toJson(pageSize), MediaType.APPLICATION_JSON)
                        .header(HttpHeaders.ETAG, found.etag(pageSize)), found.nextCursor(), found.prevCursor(), pageSize, uri));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getDeployment", summary = "Get one deployment with its country, localities, vendors, camera counts, capabilities, "
            + "financing, oversight assessment and the citations of every claim",
            description = "The full record: every claim carries its citations (source, quote, locator). Its strong ETag (`\"r<revision>\"`) changes with anything the record shows; send it back in If-Match to edit. A retracted deployment is still served and says when, by whom and why. `as_of` answers as the API did at that moment.")
    @APIResponse(responseCode = "200", description = "The deployment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeploymentView.class)))
    @APIResponse(responseCode = "400", description = "The ID is not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No deployment has this ID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(@Parameter(description = "The deployment's UUID") @PathParam("id") String id,
                             @Parameter(description = "Answer as the API did at this moment (RFC 3339), from the history")
                             @QueryParam("as_of") String asOf) {
        UUID uuid = PublicId.parse(id, "id");
        if (asOf != null) {
            Instant at = AsOf.parse(asOf);
            return reads.onWorker(() -> asOfResponses.response("deployment", uuid, at, DeploymentView.class));
        }
        return reads.find(uuid).map(found -> found
                // a strong ETag made from the deployment's revision; writes send it back in If-Match
                .map(doc -> Response.ok(doc.body(), MediaType.APPLICATION_JSON)
                        .header(HttpHeaders.ETAG, doc.etag()).build())
                .orElseThrow(() -> ApiProblem.notFound("deployment", id)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("editor")
    @SecurityRequirement(name = "apiKey")
    @Operation(operationId = "createDeployment", summary = "Create a deployment with its claims, each cited (editor)",
            description = "Every claim (the deployment, each vendor role, status event, camera count, capability and "
                    + "financing) needs at least one citation of a published source. Send `Idempotency-Key` to make a "
                    + "retry safe.")
    @APIResponse(responseCode = "201", description = "The new deployment; Location names it, ETag is its revision",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeploymentView.class)))
    @CreateResponses
    public Response create(@Valid @NotNull DeploymentInput input,
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
    @Operation(operationId = "replaceDeployment", summary = "Replace a deployment and its claims (editor); needs If-Match with its current ETag",
            description = "A part with an `id` updates that part; a part without one is new; a current part left out is "
                    + "retracted with the change reason (it stays in the history). Nothing is deleted.")
    @APIResponse(responseCode = "200", description = "The deployment as it is now; its new ETag in the header",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeploymentView.class)))
    @EditResponses
    @APIResponse(responseCode = "422", description = "The body names records that do not exist, or breaks a rule of the registry; fields named in `errors`",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replace(@PathParam("id") String id, @Valid @NotNull DeploymentInput input,
                            @Parameter(description = "The ETag from the GET you edited") @HeaderParam("If-Match") String ifMatch) {
        return writer.update(PublicId.parse(id, "id"), input, ifMatch, caller.get()).response();
    }

    @PATCH
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed("editor")
    @SecurityRequirement(name = "apiKey")
    @Operation(operationId = "patchDeployment", summary = "Change a deployment with a JSON merge patch (RFC 7396) and a change_reason (editor); needs If-Match",
            description = "The patch applies to the deployment in its input form (the body a PUT takes, as GET "
                    + "/deployments/{id}/input shows it); arrays are replaced whole, as RFC 7396 says.")
    @APIResponse(responseCode = "200", description = "The deployment as it is now; its new ETag in the header",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeploymentView.class)))
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
    @Operation(operationId = "retractDeployment", summary = "Retract a deployment with a reason (reviewer); it stays readable and says why; needs If-Match",
            description = "Marks the deployment retracted with a reason. Nothing is deleted: it stays readable by ID with the retraction, leaves lists, stats and exports, and the change is a revision in its history and the change feed.")
    @APIResponse(responseCode = "200", description = "The retracted deployment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeploymentView.class)))
    @RetractResponses
    public Response retract(@PathParam("id") String id, @Valid @NotNull RetractionInput input,
                            @Parameter(description = "The ETag from the GET you reviewed") @HeaderParam("If-Match") String ifMatch) {
        return writer.retract(PublicId.parse(id, "id"), input.reason(), ifMatch, caller.get()).response();
    }

    @GET
    @Path("{id}/input")
    @Operation(operationId = "getDeploymentInput", summary = "The deployment in its input form: the body a PUT takes and a merge patch applies to",
            description = "The body that recreates the record through PUT, with the IDs of its parts, so an editor can change a field and send it back. `change_reason` is null here; a write must fill it.")
    @APIResponse(responseCode = "400", description = "The ID is not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "200", description = "The input form, without change_reason",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeploymentInput.class)))
    @APIResponse(responseCode = "404", description = "No deployment has this ID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DeploymentInput input(@PathParam("id") String id) {
        return writer.input(PublicId.parse(id, "id")).orElseThrow(() -> ApiProblem.notFound("deployment", id));
    }

    @GET
    @Path("{id}/history")
    @Operation(operationId = "getDeploymentHistory", summary = "Every revision of the deployment, oldest first: who, when, why, before and after",
            description = "The append-only revisions of the deployment: key ID, time, reason, and the record before and after, exactly as GET showed it. Nothing in it is ever changed or deleted.")
    @APIResponse(responseCode = "400", description = "The ID is not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "200", description = "The revisions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RevisionLog.RevisionList.class)))
    @APIResponse(responseCode = "404", description = "No deployment has this ID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RevisionLog.RevisionList history(@PathParam("id") String id) {
        return revisions.listOf("deployment", PublicId.parse(id, "id"));
    }

    /** The page type as the OpenAPI document names it (generic records have no schema name of their own). */
    @Schema(name = "DeploymentPage")
    public record DeploymentPage(List<DeploymentView> data, int limit, @Schema(nullable = true) String nextCursor, @Schema(nullable = true) String prevCursor) {
    }
}
