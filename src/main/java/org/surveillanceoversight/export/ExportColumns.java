package org.surveillanceoversight.export;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.Map;

/**
 * Documents each CSV export's columns (x-csv-columns) from the row record it writes, and a GeoJSON
 * feature's geometry as a Point, a MultiPoint or null (the scanner cannot say "one of these, or null").
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = 10)
public class ExportColumns implements OASFilter {

    static final Map<String, Class<? extends Record>> ROWS = Map.of(
            "/api/v1/exports/deployments", ExportRows.DeploymentRow.class,
            "/api/v1/exports/camera-counts", ExportRows.CameraCountRow.class);

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        ROWS.forEach((path, row) -> {
            PathItem item = openAPI.getPaths().getPathItem(path);
            MediaType csv = item == null || item.getGET() == null ? null
                    : item.getGET().getResponses().getAPIResponse("200").getContent().getMediaType("text/csv");
            if (csv != null && csv.getSchema() != null) {
                csv.getSchema().addExtension("x-csv-columns", ExportRows.columns(row));
            }
        });
        Schema feature = openAPI.getComponents().getSchemas().get("DeploymentFeature");
        if (feature != null && feature.getProperties().get("geometry") != null) {
            feature.getProperties().get("geometry").addOneOf(OASFactory.createSchema().addType(Schema.SchemaType.NULL));
        }
    }
}
