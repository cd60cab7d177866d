package org.surveillanceoversight.export;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
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
import org.surveillanceoversight.common.errors.ApiProblem;
import org.surveillanceoversight.common.errors.FieldError;
import org.surveillanceoversight.common.errors.Problem;
import org.surveillanceoversight.common.query.QueryParams;
import org.surveillanceoversight.common.records.ReferenceData;
import org.surveillanceoversight.deployment.read.DeploymentFilter;
import org.surveillanceoversight.deployment.read.DeploymentFilterParams;
import org.surveillanceoversight.deployment.read.DeploymentView;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

@Path("/api/v1/exports")
@Tag(name = "Exports", description = "The whole filtered registry in one streamed download: CSV, NDJSON or GeoJSON")
public class ExportResource {

    static final String CSV_TYPE = "text/csv; charset=utf-8; header=present";
    static final String NDJSON = "application/x-ndjson";
    static final String GEOJSON = "application/geo+json";

    @Inject
    ExportService exports;

    @Inject
    ReferenceData reference;

    @GET
    @Path("deployments")
    @Operation(operationId = "exportDeployments", summary = "Export published deployments with the list's filters",
            description = "CSV: one row per deployment with flattened columns (RFC 4180, UTF-8, header row; the columns "
                    + "are listed in `x-csv-columns`). NDJSON: the list API's full representation, one per line. GeoJSON: a "
                    + "FeatureCollection, one feature per deployment at its localities' coordinates (null geometry when "
                    + "none). `format` wins over Accept; Accept is negotiated (q-values count); no Accept, or `*/*`, is CSV.")
    @APIResponse(responseCode = "200", description = "The export, streamed", content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary",
                    description = "CSV with a header row; one DeploymentRow per line")),
            @Content(mediaType = NDJSON, schema = @Schema(implementation = DeploymentView.class)),
            @Content(mediaType = GEOJSON, schema = @Schema(implementation = ExportRows.FeatureCollection.class))})
    @APIResponse(responseCode = "400", description = "An unknown parameter or a bad value",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = "Accept names none of text/csv, application/x-ndjson, "
            + "application/geo+json (and there is no `format`); `detail` lists them",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response deployments(@BeanParam DeploymentFilterParams filters,
                                @Parameter(description = "csv, ndjson or geojson; wins over Accept",
                                        schema = @Schema(type = SchemaType.STRING, enumeration = {"csv", "ndjson", "geojson"}))
                                @QueryParam("format") String format,
                                @HeaderParam(HttpHeaders.ACCEPT) String accept, @Context UriInfo uri) {
        return export(filters, uri, accept, "deployments", List.of(
                new Format("csv", CSV_TYPE, exports::deploymentsCsv),
                new Format("ndjson", NDJSON, exports::deploymentsNdjson),
                new Format("geojson", GEOJSON, exports::deploymentsGeoJson)));
    }

    @GET
    @Path("camera-counts")
    @Operation(operationId = "exportCameraCounts", summary = "Export every published camera-count observation of the filtered deployments",
            description = "One row per observation with its qualifiers, basis and source URLs. CSV by default (columns in "
                    + "`x-csv-columns`); `format=ndjson` or Accept: application/x-ndjson for one JSON object per line.")
    @APIResponse(responseCode = "200", description = "The export, streamed", content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary",
                    description = "CSV with a header row; one CameraCountRow per line")),
            @Content(mediaType = NDJSON, schema = @Schema(implementation = ExportRows.CameraCountRow.class))})
    @APIResponse(responseCode = "400", description = "An unknown parameter or a bad value",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = "Accept names neither text/csv nor application/x-ndjson "
            + "(and there is no `format`); `detail` lists them",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response cameraCounts(@BeanParam DeploymentFilterParams filters,
                                 @Parameter(description = "csv or ndjson; wins over Accept",
                                         schema = @Schema(type = SchemaType.STRING, enumeration = {"csv", "ndjson"}))
                                 @QueryParam("format") String format,
                                 @HeaderParam(HttpHeaders.ACCEPT) String accept, @Context UriInfo uri) {
        return export(filters, uri, accept, "camera-counts", List.of(
                new Format("csv", CSV_TYPE, exports::cameraCountsCsv),
                new Format("ndjson", NDJSON, exports::cameraCountsNdjson)));
    }

    /** One format an export can be written in: its `format` name, its media type and its writer. */
    record Format(String name, String mediaType, BiConsumer<DeploymentFilter, OutputStream> writer) {
    }

    private Response export(DeploymentFilterParams given, UriInfo uri, String accept, String name, List<Format> formats) {
        QueryParams params = new QueryParams(uri.getQueryParameters(),
                Stream.concat(DeploymentFilter.PARAMETERS.stream(), Stream.of("format")).toList());
        DeploymentFilter filter = DeploymentFilter.from(given, params, reference.countryCodes(), reference.capabilityCodes());
        String requested = params.string("format");
        Format chosen = null;
        if (requested != null) {
            chosen = formats.stream().filter(f -> f.name().equals(requested)).findFirst().orElse(null);
            if (chosen == null) {
                params.error("format", "must be one of " + String.join(", ", formats.stream().map(Format::name).toList()));
            }
        }
        params.check();
        if (chosen == null) {
            chosen = Negotiation.choose(accept, formats, Format::mediaType).orElseThrow(() -> new ApiProblem(
                    "not-acceptable", "Not Acceptable", 406, "This export is served as "
                    + String.join(", ", formats.stream().map(f -> ExportRows.bare(f.mediaType())).toList())
                    + "; ask for one in Accept, or with `format`.",
                    List.of(new FieldError("Accept", "names no supported media type"))));
        }
        BiConsumer<DeploymentFilter, OutputStream> writer = chosen.writer();
        StreamingOutput body = out -> writer.accept(filter, out);
        return Response.ok(body, chosen.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + name + "-" + LocalDate.now() + "." + chosen.name() + "\"")
                .build();
    }
}
