package org.surveillanceoversight.stats;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.surveillanceoversight.common.errors.Problem;
import org.surveillanceoversight.common.query.QueryParams;
import org.surveillanceoversight.common.records.ReferenceData;
import org.surveillanceoversight.deployment.read.DeploymentFilter;
import org.surveillanceoversight.deployment.read.DeploymentFilterParams;
import org.surveillanceoversight.stats.StatsViews.CapabilityRow;
import org.surveillanceoversight.stats.StatsViews.CountryRow;
import org.surveillanceoversight.stats.StatsViews.FacialRecognitionShare;
import org.surveillanceoversight.stats.StatsViews.LabelRow;
import org.surveillanceoversight.stats.StatsViews.Stats;
import org.surveillanceoversight.stats.StatsViews.VendorRow;
import org.surveillanceoversight.stats.StatsViews.YearRow;

@Path("/api/v1/stats")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Stats", description = "Aggregates for dashboards; every one takes the deployment list's filters")
@APIResponse(responseCode = "400", description = "An unknown parameter or a bad value",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class StatsResource {

    @Inject
    StatsService stats;

    @Inject
    ReferenceData reference;

    @GET
    @Path("by-country")
    @Operation(operationId = "statsByCountry", summary = "Deployments and cameras by country",
            description = "For each country with published deployments: how many, how many give a camera total, and the cameras counted (latest observation each; planned cameras apart). Takes the deployment filters.")
    @APIResponse(responseCode = "200", description = "One row per country with deployments",
            content = @Content(schema = @Schema(implementation = StatsViews.CountryStats.class)))
    public Stats<CountryRow> byCountry(@BeanParam DeploymentFilterParams filters, @Context UriInfo uri) {
        return stats.byCountry(filter(filters, uri));
    }

    @GET
    @Path("by-vendor")
    @Operation(operationId = "statsByVendor", summary = "Deployments and cameras by vendor (a deployment counts for each of its vendors)",
            description = "For each vendor: how many published deployments name it in any role and the cameras they count (latest observation each; planned cameras apart). Takes the deployment filters.")
    @APIResponse(responseCode = "200", description = "One row per vendor",
            content = @Content(schema = @Schema(implementation = StatsViews.VendorStats.class)))
    public Stats<VendorRow> byVendor(@BeanParam DeploymentFilterParams filters, @Context UriInfo uri) {
        return stats.byVendor(filter(filters, uri));
    }

    @GET
    @Path("by-year")
    @Operation(operationId = "statsByYear", summary = "Deployments and cameras by the year of their first dated lifecycle event",
            description = "Deployments and cameras grouped by the year of their first dated lifecycle event; `year` is null for deployments with no dated event. Takes the deployment filters.")
    @APIResponse(responseCode = "200", description = "One row per year, unknown last",
            content = @Content(schema = @Schema(implementation = StatsViews.YearStats.class)))
    public Stats<YearRow> byYear(@BeanParam DeploymentFilterParams filters, @Context UriInfo uri) {
        return stats.byYear(filter(filters, uri));
    }

    @GET
    @Path("by-capability")
    @Operation(operationId = "statsByCapability", summary = "Deployments and cameras by capability (a deployment counts for each of its capabilities)",
            description = "For each capability: how many published deployments claim it and the cameras they count (latest observation each; planned cameras apart). Takes the deployment filters; says how it counted.")
    @APIResponse(responseCode = "200", description = "One row per capability found",
            content = @Content(schema = @Schema(implementation = StatsViews.CapabilityStats.class)))
    public Stats<CapabilityRow> byCapability(@BeanParam DeploymentFilterParams filters, @Context UriInfo uri) {
        return stats.byCapability(filter(filters, uri));
    }

    @GET
    @Path("facial-recognition")
    @Operation(operationId = "statsFacialRecognition", summary = "The share of cameras with facial recognition",
            description = "Over the deployments whose latest observation gives both a total and a facial-recognition count (neither planned): the cameras, those with facial recognition and their share. Takes the deployment filters.")
    @APIResponse(responseCode = "200", description = "One row",
            content = @Content(schema = @Schema(implementation = StatsViews.FacialRecognitionStats.class)))
    public Stats<FacialRecognitionShare> facialRecognition(@BeanParam DeploymentFilterParams filters, @Context UriInfo uri) {
        return stats.facialRecognitionShare(filter(filters, uri));
    }

    @GET
    @Path("oversight-labels")
    @Operation(operationId = "statsOversightLabels", summary = "How many deployments have each derived oversight label",
            description = "How many published deployments carry each oversight label, derived from the criteria by the documented rule (`not_assessed` where no assessment exists). Takes the deployment filters.")
    @APIResponse(responseCode = "200", description = "One row per label found",
            content = @Content(schema = @Schema(implementation = StatsViews.LabelStats.class)))
    public Stats<LabelRow> oversightLabels(@BeanParam DeploymentFilterParams filters, @Context UriInfo uri) {
        return stats.byOversightLabel(filter(filters, uri));
    }

    private DeploymentFilter filter(DeploymentFilterParams given, UriInfo uri) {
        QueryParams params = new QueryParams(uri.getQueryParameters(), DeploymentFilter.PARAMETERS);
        DeploymentFilter filter = DeploymentFilter.from(given, params, reference.countryCodes(), reference.capabilityCodes());
        params.check();
        return filter;
    }
}
