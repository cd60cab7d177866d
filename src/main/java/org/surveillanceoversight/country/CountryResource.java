package org.surveillanceoversight.country;

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
import org.surveillanceoversight.common.FieldError;
import org.surveillanceoversight.common.PageParams;
import org.surveillanceoversight.common.PageResponse;
import org.surveillanceoversight.common.Problem;
import org.surveillanceoversight.common.PublicId;
import org.surveillanceoversight.common.QueryParams;
import org.surveillanceoversight.common.ReferenceData;
import org.surveillanceoversight.country.CountryViews.CountryPage;
import org.surveillanceoversight.country.CountryViews.CountryView;
import org.surveillanceoversight.country.CountryViews.LocalityPage;
import org.surveillanceoversight.country.CountryViews.LocalityView;

import java.util.List;
import java.util.Locale;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Places", description = "Countries (ISO 3166-1) and localities")
public class CountryResource {

    @Inject
    CountryService places;

    @Inject
    ReferenceData reference;

    @GET
    @Path("countries")
    @Operation(summary = "List countries by ISO code, with their deployment counts and findings")
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
    @Operation(summary = "Get one country by its ISO 3166-1 alpha-2 code")
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
    @Operation(summary = "List localities by English name")
    @APIResponse(responseCode = "200", description = "A page of localities",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LocalityPage.class)))
    @APIResponse(responseCode = "400", description = "An unknown parameter or a bad value",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response localities(
            @Parameter(description = "ISO alpha-2 code; repeatable") @QueryParam("country") List<String> country,
            @Parameter(description = "Part of a name or alias, Latin or Cyrillic") @QueryParam("q") String q,
            @BeanParam PageParams page,
            @Context UriInfo uri) {
        QueryParams params = new QueryParams(uri.getQueryParameters(), List.of("country", "q", "limit", "cursor"));
        List<String> countries = params.oneOf("country", reference.countryCodes(), ReferenceData.ISO_COUNTRY);
        String text = params.string("q");
        int pageSize = page.limit(params);
        params.check();
        return PageResponse.of(places.localities(countries, text, page.cursor, pageSize), uri);
    }

    @GET
    @Path("localities/{id}")
    @Operation(summary = "Get one locality")
    @APIResponse(responseCode = "200", description = "The locality",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LocalityView.class)))
    @APIResponse(responseCode = "400", description = "The ID is not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No locality has this ID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public LocalityView locality(@PathParam("id") String id) {
        return places.findLocality(PublicId.parse(id, "id")).orElseThrow(() -> ApiProblem.notFound("locality", id));
    }
}
