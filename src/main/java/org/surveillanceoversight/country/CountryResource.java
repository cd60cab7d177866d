package org.surveillanceoversight.country;

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
import org.surveillanceoversight.common.errors.FieldError;
import org.surveillanceoversight.common.errors.Problem;
import org.surveillanceoversight.common.query.PageParams;
import org.surveillanceoversight.common.query.PageResponse;
import org.surveillanceoversight.common.query.PublicationParam;
import org.surveillanceoversight.common.query.QueryParams;
import org.surveillanceoversight.common.records.MergePatch;
import org.surveillanceoversight.common.records.PublicId;
import org.surveillanceoversight.common.records.ReferenceData;
import org.surveillanceoversight.common.records.RetractionInput;
import org.surveillanceoversight.country.CountryViews.CountryPage;
import org.surveillanceoversight.country.CountryViews.CountryView;
import org.surveillanceoversight.country.CountryViews.LocalityPage;
import org.surveillanceoversight.country.CountryViews.LocalityView;
import org.surveillanceoversight.history.AsOf;
import org.surveillanceoversight.history.Idempotency;
import org.surveillanceoversight.history.RevisionLog;
import org.surveillanceoversight.history.http.AsOfResponses;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Places", description = "Countries (ISO 3166-1) and localities")
public class CountryResource {

    @Inject
    LocalityWriter writer;

    @Inject
    CurrentCaller caller;

    @Inject
    RevisionLog revisions;

    @Inject
    AsOfResponses asOfResponses;

    @Inject
    MergePatch mergePatch;

    @Inject
    CountryService places;

    @Inject
    ReferenceData reference;

    @GET
    @Path("countries")
    @Operation(operationId = "listCountries", summary = "List countries by ISO code, with their deployment counts and findings",
            description = "The 249 ISO 3166-1 countries, each with its published deployment count and the findings recorded about it. Filter by `region`, `q` (name) or `has_deployments`.")
    @APIResponse(responseCode = "200", description = "A page of countries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CountryPage.class)))
    @APIResponse(responseCode = "400", description = "An unknown parameter or a bad value",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response countries(
            @Parameter(description = "UN M49 sub-region, e.g. Central Asia") @QueryParam("region") String region,
            @Parameter(description = "Part of the English name") @QueryParam("q") String q,
            @Parameter(description = "true: only countries with published deployments",
                    schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("has_deployments") String hasDeployments,
            @BeanParam PageParams page,
            @Context UriInfo uri) {
        QueryParams params = new QueryParams(uri.getQueryParameters(),
                List.of("region", "q", "has_deployments", "limit", "cursor"));
        Boolean withDeployments = params.bool("has_deployments");
        String regionName = params.string("region");
        String text = params.string("q");
        int pageSize = page.limit(params);
        params.check();
        return PageResponse.of(places.countries(regionName, text, withDeployments, page.cursor, pageSize), uri);
    }

    @GET
    @Path("countries/{code}")
    @Operation(operationId = "getCountry", summary = "Get one country by its ISO 3166-1 alpha-2 code",
            description = "One country with its region, deployment count and findings, each finding with its citations.")
    @APIResponse(responseCode = "200", description = "The country",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CountryView.class)))
    @APIResponse(responseCode = "400", description = "Not a two-letter code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such country",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CountryView country(@PathParam("code") String code) {
        if (!code.matches("[A-Za-z]{2}")) {
            throw ApiProblem.badRequest("malformed-id", "Malformed code", "Countries are named by ISO 3166-1 alpha-2 codes such as UA.",
                    new FieldError("code", "must be two letters"));
        }
        return places.findCountry(code.toUpperCase(Locale.ROOT)).orElseThrow(() -> ApiProblem.notFound("country", code));
    }

    @GET
    @Path("localities")
    @Operation(operationId = "listLocalities", summary = "List localities by English name",
            description = "Cities, districts, regions and sites with English and local names, aliases and coordinates. `q` matches any of the names in any script (Kyiv, Kiev and Київ alike).")
    @APIResponse(responseCode = "200", description = "A page of localities",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LocalityPage.class)))
    @APIResponse(responseCode = "400", description = "An unknown parameter or a bad value",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response localities(
            @Parameter(description = "ISO alpha-2 code; repeatable") @QueryParam("country") List<String> country,
            @Parameter(description = "Part of a name or alias, Latin or Cyrillic") @QueryParam("q") String q,
            @BeanParam PageParams page,
            @Parameter(description = PublicationParam.DESCRIPTION,
                    schema = @Schema(type = SchemaType.ARRAY, enumeration = {"published", "retracted"}))
            @QueryParam("publication") List<String> publication,
            @Parameter(description = "Answer as the API did at this moment (RFC 3339); only with limit and cursor")
            @QueryParam("as_of") String asOf,
            @Context UriInfo uri) {
        if (asOf != null) {
            return asOfResponses.listResponse("locality", "name_en", LocalityView.class, asOf, page, uri);
        }
        QueryParams params = new QueryParams(uri.getQueryParameters(), List.of("country", "q", "limit", "cursor", "as_of", PublicationParam.NAME));
        List<String> countries = params.oneOf("country", reference.countryCodes(), ReferenceData.ISO_COUNTRY);
        String text = params.string("q");
        int pageSize = page.limit(params);
        List<String> publications = PublicationParam.from(params);
        params.check();
        return PageResponse.of(places.localities(countries, text, publications, page.cursor, pageSize), uri);
    }

    @GET
    @Path("localities/{id}")
    @Operation(operationId = "getLocality", summary = "Get one locality",
            description = "One locality with its names, aliases, coordinates and deployment count. A retracted one is still served and says why. `as_of` answers as the API did at that moment.")
    @APIResponse(responseCode = "200", description = "The locality",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LocalityView.class)))
    @APIResponse(responseCode = "400", description = "The ID is not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No locality has this ID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response locality(@PathParam("id") String id,
                             @Parameter(description = "Answer as the API did at this moment (RFC 3339), from the history")
                             @QueryParam("as_of") String asOf) {
        UUID uuid = PublicId.parse(id, "id");
        if (asOf != null) {
            return asOfResponses.response("locality", uuid, AsOf.parse(asOf), LocalityView.class);
        }
        String etag = revisions.etag("locality", uuid); // read first: a write in between makes it stale, never the body
        String body = mergePatch.toJson(places.findLocality(uuid).orElseThrow(() -> ApiProblem.notFound("locality", id)));
        return Response.ok(body, MediaType.APPLICATION_JSON).header(HttpHeaders.ETAG, etag).build();
    }

    @POST
    @Path("localities")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("editor")
    @SecurityRequirement(name = "apiKey")
    @Operation(operationId = "createLocality", summary = "Create a locality (editor)", description = "Send `Idempotency-Key` to make a retry safe.")
    @APIResponse(responseCode = "201", description = "The new locality; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LocalityView.class)))
    @CreateResponses
    public Response createLocality(@Valid @NotNull LocalityInput input,
                                   @Parameter(description = "Any unique text, 1 to 200 characters, per request you may retry; a retry within 24 hours (the default of `oversight.idempotency.keep-for`) gets the first answer")
                                   @HeaderParam("Idempotency-Key") String idempotencyKey,
                                   @Context UriInfo uri) {
        return writer.create(input, caller.get(), Idempotency.checkKey(idempotencyKey), uri.getAbsolutePath().toString())
                .response();
    }

    @PUT
    @Path("localities/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("editor")
    @SecurityRequirement(name = "apiKey")
    @Operation(operationId = "replaceLocality", summary = "Replace a locality's fields (editor); needs If-Match with its current ETag",
            description = "Replaces every field of the locality with the body (its input form) and records the change_reason. Send the ETag of the GET you edited in If-Match: 428 without it, 412 when someone changed the record first.")
    @APIResponse(responseCode = "200", description = "The locality as it is now; its new ETag in the header",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LocalityView.class)))
    @EditResponses
    @APIResponse(responseCode = "422", description = "The body names records that do not exist, or breaks a rule of the registry; fields named in `errors`",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replaceLocality(@PathParam("id") String id, @Valid @NotNull LocalityInput input,
                                    @Parameter(description = "The ETag from the GET you edited") @HeaderParam("If-Match") String ifMatch) {
        return writer.update(PublicId.parse(id, "id"), input, ifMatch, caller.get()).response();
    }

    @PATCH
    @Path("localities/{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed("editor")
    @SecurityRequirement(name = "apiKey")
    @Operation(operationId = "patchLocality", summary = "Change a locality with a JSON merge patch (RFC 7396) and a change_reason (editor); needs If-Match",
            description = "Applies a JSON merge patch to the locality's input form: send only the fields to change, null to clear one, and a change_reason. Needs If-Match with the current ETag.")
    @APIResponse(responseCode = "200", description = "The locality as it is now; its new ETag in the header",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LocalityView.class)))
    @EditResponses
    @APIResponse(responseCode = "422", description = "The body names records that do not exist, or breaks a rule of the registry; fields named in `errors`",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response patchLocality(@PathParam("id") String id, @NotNull JsonNode patch,
                                  @Parameter(description = "The ETag from the GET you edited") @HeaderParam("If-Match") String ifMatch) {
        return writer.patch(PublicId.parse(id, "id"), patch, ifMatch, caller.get()).response();
    }

    @POST
    @Path("localities/{id}/retract")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("reviewer")
    @SecurityRequirement(name = "apiKey")
    @Operation(operationId = "retractLocality", summary = "Retract a locality no published deployment is in, with a reason (reviewer); needs If-Match",
            description = "Marks the locality retracted with a reason, once no published deployment is in it (409 otherwise). It stays readable by ID and says why.")
    @APIResponse(responseCode = "200", description = "The retracted locality",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LocalityView.class)))
    @RetractResponses
    public Response retractLocality(@PathParam("id") String id, @Valid @NotNull RetractionInput input,
                                    @Parameter(description = "The ETag from the GET you reviewed") @HeaderParam("If-Match") String ifMatch) {
        return writer.retract(PublicId.parse(id, "id"), input.reason(), ifMatch, caller.get()).response();
    }

    @GET
    @Path("localities/{id}/history")
    @Operation(operationId = "getLocalityHistory", summary = "Every revision of the locality, oldest first: who, when, why, before and after",
            description = "The append-only revisions of the locality: key ID, time, reason, and the record before and after, exactly as GET showed it.")
    @APIResponse(responseCode = "400", description = "The ID is not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "200", description = "The revisions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RevisionLog.RevisionList.class)))
    @APIResponse(responseCode = "404", description = "No locality has this ID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RevisionLog.RevisionList localityHistory(@PathParam("id") String id) {
        return revisions.listOf("locality", PublicId.parse(id, "id"));
    }
}
