package org.surveillanceoversight.export;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
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
import org.surveillanceoversight.common.Problem;
import org.surveillanceoversight.common.QueryParams;
import org.surveillanceoversight.common.ReferenceData;
import org.surveillanceoversight.deployment.DeploymentFilter;
import org.surveillanceoversight.deployment.DeploymentFilterParams;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

@Path("/api/v1/exports")
@Tag(name = "Exports", description = "The whole filtered registry in one streamed download: CSV, NDJSON or GeoJSON")
public class ExportResource {

    static final String CSV = "text/csv; charset=utf-8; header=present";
    static final String NDJSON = "application/x-ndjson";
    static final String GEOJSON = "application/geo+json";

    @Inject
    ExportService exports;

    @Inject
    ReferenceData reference;

    @GET
    @Path("deployments")
    @Produces({"text/csv", NDJSON, GEOJSON})
    @Operation(summary = "Export published deployments with the list's filters",
            description = "CSV: one row per deployment with flattened columns (RFC 4180, UTF-8, header row). NDJSON: "
                    + "the list API's full representation, one per line. GeoJSON: a FeatureCollection, one feature per "
                    + "deployment at its localities' coordinates (null geometry when none). The format comes from "
                    + "`format`, else from Accept; CSV by default.")
    @APIResponse(responseCode = "200", description = "The export, streamed", content = {
            @Content(mediaType = "text/csv"), @Content(mediaType = NDJSON), @Content(mediaType = GEOJSON)})
    @APIResponse(responseCode = "400", description = "An unknown parameter or a bad value",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response deployments(@BeanParam DeploymentFilterParams filters,
                                @Parameter(description = "csv, ndjson or geojson; overrides Accept",
                                        schema = @Schema(type = SchemaType.STRING, enumeration = {"csv", "ndjson", "geojson"}))
                                @QueryParam("format") String format,
                                @HeaderParam(HttpHeaders.ACCEPT) String accept, @Context UriInfo uri) {
        return export(uri, accept, "deployments", Map.of(
                "csv", exports::deploymentsCsv, "ndjson", exports::deploymentsNdjson, "geojson", exports::deploymentsGeoJson));
    }

    @GET
    @Path("camera-counts")
    @Produces({"text/csv", NDJSON})
    @Operation(summary = "Export every published camera-count observation of the filtered deployments",
            description = "One row per observation with its qualifiers, basis and source URLs. CSV by default; "
                    + "`format=ndjson` or Accept: application/x-ndjson for one JSON object per line.")
    @APIResponse(responseCode = "200", description = "The export, streamed", content = {
            @Content(mediaType = "text/csv"), @Content(mediaType = NDJSON)})
    @APIResponse(responseCode = "400", description = "An unknown parameter or a bad value",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response cameraCounts(@BeanParam DeploymentFilterParams filters,
                                 @Parameter(description = "csv or ndjson; overrides Accept",
                                         schema = @Schema(type = SchemaType.STRING, enumeration = {"csv", "ndjson"}))
                                 @QueryParam("format") String format,
                                 @HeaderParam(HttpHeaders.ACCEPT) String accept, @Context UriInfo uri) {
        return export(uri, accept, "camera-counts", Map.of(
                "csv", exports::cameraCountsCsv, "ndjson", exports::cameraCountsNdjson));
    }

    private Response export(UriInfo uri, String accept, String name,
                            Map<String, BiConsumer<DeploymentFilter, java.io.OutputStream>> writers) {
        QueryParams params = new QueryParams(uri.getQueryParameters(),
                Stream.concat(DeploymentFilter.PARAMETERS.stream(), Stream.of("format")).toList());
        DeploymentFilter filter = DeploymentFilter.from(params, reference.countryCodes(), reference.capabilityCodes());
        String format = params.string("format");
        if (format != null && !writers.containsKey(format)) {
            params.error("format", "must be one of " + String.join(", ", writers.keySet().stream().sorted().toList()));
        }
        params.check();
        String chosen = format != null ? format : fromAccept(accept, writers.keySet());
        BiConsumer<DeploymentFilter, java.io.OutputStream> writer = writers.get(chosen);
        StreamingOutput body = out -> writer.accept(filter, out);
        String extension = chosen.equals("geojson") ? "geojson" : chosen;
        return Response.ok(body, switch (chosen) {
                    case "ndjson" -> NDJSON;
                    case "geojson" -> GEOJSON;
                    default -> CSV;
                })
                .header("Content-Disposition", "attachment; filename=\"" + name + "-" + LocalDate.now() + "." + extension + "\"")
                .build();
    }

    private static String fromAccept(String accept, java.util.Set<String> supported) {
        if (accept == null) {
            return "csv";
        }
        if (accept.contains(NDJSON) || accept.contains("application/ndjson")) {
            return "ndjson";
        }
        if (accept.contains(GEOJSON) && supported.contains("geojson")) {
            return "geojson";
        }
        if (accept.contains("text/csv") || accept.contains("*/*") || accept.contains("text/*")) {
            return "csv";
        }
        throw new ApiProblem("not-acceptable", "Not Acceptable", 406, "Exports are served as "
                + String.join(", ", supported.stream().sorted().toList()) + "; ask with `format` or Accept.",
                List.of(new FieldError("Accept", "names no supported format")));
    }
}
