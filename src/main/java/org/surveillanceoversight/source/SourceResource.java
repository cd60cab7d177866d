package org.surveillanceoversight.source;

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
import org.surveillanceoversight.common.contract.EditResponses;
import org.surveillanceoversight.common.contract.RetractResponses;
import org.surveillanceoversight.common.errors.ApiProblem;
import org.surveillanceoversight.common.errors.Problem;
import org.surveillanceoversight.common.query.PageParams;
import org.surveillanceoversight.common.query.PageResponse;
import org.surveillanceoversight.common.query.PublicationParam;
import org.surveillanceoversight.common.query.QueryParams;
import org.surveillanceoversight.common.records.PublicId;
import org.surveillanceoversight.common.records.RetractionInput;
import org.surveillanceoversight.history.AsOf;
import org.surveillanceoversight.history.Idempotency;
import org.surveillanceoversight.history.RevisionLog;
import org.surveillanceoversight.history.http.AsOfResponses;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/sources")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sources", description = "The documents every claim cites")
public class SourceResource {

    @Inject
    SourceService sources;

    @Inject
    SourceWriter writer;

    @Inject
    CurrentCaller caller;

    @Inject
    RevisionLog revisions;

    @Inject
    AsOfResponses asOfResponses;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("editor")
    @SecurityRequirement(name = "apiKey")
    @Operation(operationId = "createSource", summary = "Create a source (editor); its first revision records who, when and why",
            description = "Send `Idempotency-Key` to make a retry safe: the same key and body return the first "
                    + "response and write nothing; the same key with another body is a 422.")
    @APIResponse(responseCode = "201", description = "The new source; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SourceView.class)))
    @APIResponse(responseCode = "400", description = "A missing or bad field, named in `errors`",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No key, or an unknown or revoked one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The key's role is below editor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull SourceInput input,
                           @Parameter(description = "Any unique text, 1 to 200 characters, per request you may retry; a retry within 24 hours (the default of `oversight.idempotency.keep-for`) gets the first answer")
                           @HeaderParam("Idempotency-Key") String idempotencyKey,
                           @Context UriInfo uri) {
        return writer.create(input, caller.get(), Idempotency.checkKey(idempotencyKey),
                uri.getAbsolutePath().toString()).response();
    }

    @GET
    @Path("{id}/history")
    @Operation(operationId = "getSourceHistory", summary = "Every revision of a source, oldest first: who (key ID), when, why and what changed",
            description = "The append-only revisions of the source: key ID, time, reason, and the record before and after, exactly as GET showed it.")
    @APIResponse(responseCode = "400", description = "The ID is not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "200", description = "The revisions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RevisionLog.RevisionList.class)))
    @APIResponse(responseCode = "404", description = "No source has this ID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RevisionLog.RevisionList history(@PathParam("id") String id) {
        return revisions.listOf("source", PublicId.parse(id, "id"));
    }

    @GET
    @Operation(operationId = "listSources", summary = "List published sources by title",
            description = "The documents claims cite: reports, news, government, procurement and loan records, company statements, court records and datasets, each with how often it is cited. Filter by `kind`, `language` or `q`.")
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
            @Parameter(description = PublicationParam.DESCRIPTION,
                    schema = @Schema(type = SchemaType.ARRAY, enumeration = {"published", "retracted"}))
            @QueryParam("publication") List<String> publication,
            @Parameter(description = "Answer as the API did at this moment (RFC 3339); only with limit and cursor")
            @QueryParam("as_of") String asOf,
            @Context UriInfo uri) {
        if (asOf != null) {
            return asOfResponses.listResponse("source", "title", SourceView.class, asOf, page, uri);
        }
        QueryParams params = new QueryParams(uri.getQueryParameters(), List.of("kind", "language", "q", "limit", "cursor", "as_of", PublicationParam.NAME));
        List<Source.Kind> kinds = params.enums("kind", Source.Kind.class);
        List<String> languages = params.values("language", v -> {
            if (!v.matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
                throw new IllegalArgumentException();
            }
            return v;
        }, "a language tag such as en or ru");
        String text = params.string("q");
        int pageSize = page.limit(params);
        List<String> publications = PublicationParam.from(params);
        params.check();
        return PageResponse.of(sources.list(kinds, languages, text, publications, page.cursor, pageSize), uri);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getSource", summary = "Get one source",
            description = "One source with its publisher, authors, date, URL, archived copy, language and how many citations point at it. Its strong ETag (`\"r<revision>\"`) changes with anything the record shows; send it back in If-Match to edit. `as_of` answers as the API did at that moment.")
    @APIResponse(responseCode = "200", description = "The source",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SourceView.class)))
    @APIResponse(responseCode = "400", description = "The ID is not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No source has this ID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") String id,
                        @Parameter(description = "Answer as the API did at this moment (RFC 3339), from the history")
                        @QueryParam("as_of") String asOf) {
        UUID uuid = PublicId.parse(id, "id");
        if (asOf != null) {
            return asOfResponses.response("source", uuid, AsOf.parse(asOf), SourceView.class);
        }
        String etag = revisions.etag("source", uuid); // read first: a write in between makes it stale, never the body
        SourceView source = sources.find(uuid).orElseThrow(() -> ApiProblem.notFound("source", id));
        return Response.ok(source).header(HttpHeaders.ETAG, etag).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("editor")
    @SecurityRequirement(name = "apiKey")
    @Operation(operationId = "replaceSource", summary = "Replace a source's fields (editor); needs If-Match with its current ETag",
            description = "Replaces every field of the source with the body and records the change_reason. Send the ETag of the GET you edited in If-Match: 428 without it, 412 when someone changed the record first.")
    @APIResponse(responseCode = "200", description = "The source as it is now; its new ETag in the header",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SourceView.class)))
    @EditResponses
    public Response replace(@PathParam("id") String id, @Valid @NotNull SourceInput input,
                            @Parameter(description = "The ETag from the GET you edited") @HeaderParam("If-Match") String ifMatch) {
        UUID uuid = PublicId.parse(id, "id"); // a malformed path is a 400 before any header is read
        return writer.update(uuid, input, ifMatch, caller.get()).response();
    }

    @PATCH
    @Path("{id}")
    @Consumes("application/merge-patch+json")
    @RolesAllowed("editor")
    @SecurityRequirement(name = "apiKey")
    @Operation(operationId = "patchSource", summary = "Change some fields with a JSON merge patch (RFC 7396) and a change_reason (editor); needs If-Match",
            description = "Applies a JSON merge patch to the source's fields: send only the fields to change, null to clear one, and a change_reason. Needs If-Match with the current ETag.")
    @APIResponse(responseCode = "200", description = "The source as it is now; its new ETag in the header",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SourceView.class)))
    @EditResponses
    public Response patch(@PathParam("id") String id, @NotNull JsonNode patch,
                          @Parameter(description = "The ETag from the GET you edited") @HeaderParam("If-Match") String ifMatch) {
        UUID uuid = PublicId.parse(id, "id"); // a malformed path is a 400 before any header is read
        return writer.patch(uuid, patch, ifMatch, caller.get()).response();
    }

    @POST
    @Path("{id}/retract")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("reviewer")
    @SecurityRequirement(name = "apiKey")
    @Operation(operationId = "retractSource", summary = "Retract a source with a reason (reviewer); it stays readable and says why; needs If-Match",
            description = "Marks the source retracted with a reason. It stays readable by ID with the retraction, and the claims that cite it keep their citations.")
    @APIResponse(responseCode = "200", description = "The source as it is now; its new ETag in the header",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SourceView.class)))
    @RetractResponses
    public Response retract(@PathParam("id") String id, @Valid @NotNull RetractionInput input,
                            @Parameter(description = "The ETag from the GET you reviewed") @HeaderParam("If-Match") String ifMatch) {
        UUID uuid = PublicId.parse(id, "id"); // a malformed path is a 400 before any header is read
        return writer.retract(uuid, input.reason(), ifMatch, caller.get()).response();
    }

}
