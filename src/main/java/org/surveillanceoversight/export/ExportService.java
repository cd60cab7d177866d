package org.surveillanceoversight.export;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.surveillanceoversight.common.database.ReadReplica;
import jakarta.persistence.EntityManager;
import org.postgresql.PGConnection;
import org.surveillanceoversight.deployment.read.DeploymentFilter;
import org.surveillanceoversight.deployment.read.DeploymentQuery;
import org.surveillanceoversight.deployment.read.DeploymentService;
import org.surveillanceoversight.deployment.read.DeploymentSort;
import org.surveillanceoversight.deployment.read.RawPage;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Streams exports with constant memory. CSV and the flat JSON formats come straight from
 * PostgreSQL's COPY (bytes flow from the database to the client in chunks); the NDJSON of full
 * deployments is written one keyset chunk at a time.
 */
@ApplicationScoped
public class ExportService {

    static final int CHUNK = 500;
    // CSV with a quote and delimiter that never occur in JSON text: each JSON value passes through as it is
    private static final String RAW_LINES = " to stdout with (format csv, quote e'\\x01', delimiter e'\\x02')";

    @Inject
    ReadReplica replica;

    @Inject
    DeploymentService deployments;

    @Inject
    EntityManager em;

    public void deploymentsCsv(DeploymentFilter filter, OutputStream out) {
        copy("copy (" + deploymentRows(filter) + ") to stdout with (format csv, header true)", new CrlfCsvStream(out));
    }

    public void cameraCountsCsv(DeploymentFilter filter, OutputStream out) {
        copy("copy (" + cameraCountRows(filter) + ") to stdout with (format csv, header true)", new CrlfCsvStream(out));
    }

    public void cameraCountsNdjson(DeploymentFilter filter, OutputStream out) {
        copy("copy (select row_to_json(r)::text from (" + cameraCountRows(filter) + ") r)" + RAW_LINES, out);
    }

    public void deploymentsGeoJson(DeploymentFilter filter, OutputStream out) {
        try {
            JsonArrayStream features = new JsonArrayStream(out, "{\"type\":\"FeatureCollection\",\"features\":[", "]}\n");
            copy("copy (" + featureRows(filter) + ")" + RAW_LINES, features);
            features.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The full representation the list API serves, one deployment per line, in ID order. */
    public void deploymentsNdjson(DeploymentFilter filter, OutputStream out) {
        String cursor = null;
        try {
            do {
                String after = cursor;
                RawPage page = QuarkusTransaction.requiringNew().call(
                        () -> deployments.list(filter, List.of("published"), DeploymentSort.id, false, after, CHUNK));
                for (String document : page.items()) {
                    out.write(document.getBytes(StandardCharsets.UTF_8));
                    out.write('\n');
                }
                out.flush();
                em.clear(); // keep memory flat: nothing of a written chunk stays in the session
                cursor = page.nextCursor();
            } while (cursor != null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String deploymentRows(DeploymentFilter filter) {
        return """
                select s.deployment_id as id, d.title, s.program_type, s.country_code, c.name as country_name,
                       (select string_agg(l.name_en, '; ' order by l.name_en) from locality l
                         where l.id = any(s.locality_ids)) as localities,
                       s.status, s.announced_year, s.operational_year,
                       s.latest_observed_on as cameras_observed_on, s.cameras, s.cameras_qualifier,
                       s.facial_recognition, s.facial_recognition_qualifier, s.plate_reading,
                       (select string_agg(v.name || ' (' || dv.role || ')', '; ' order by v.name, dv.role)
                          from deployment_vendor dv join vendor v on v.id = dv.vendor_id
                         where dv.deployment_id = s.deployment_id and dv.publication = 'published') as vendors,
                       nullif(array_to_string(s.capability_codes, '; '), '') as capabilities,
                       case when s.financed then 'true' else 'false' end as financed, s.financing_usd,
                       nullif(array_to_string(s.lenders, '; '), '') as lenders,
                       s.oversight_label, d.confidence, d.operator_agency,
                       (select string_agg(distinct src.url, ' ') from citation ci join source src on src.id = ci.source_id
                         where ci.claim_type = 'deployment' and ci.claim_id = s.deployment_id) as source_urls,
                       to_char(s.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as updated_at
                  from deployment_summary s
                  join deployment d on d.id = s.deployment_id
                  join country c on c.code = s.country_code
                 where\s""" + DeploymentQuery.where(filter).inlined() + " order by s.deployment_id";
    }

    static String cameraCountRows(DeploymentFilter filter) {
        return """
                select n.id, n.deployment_id, s.title as deployment_title, s.country_code,
                       n.observed_on, n.observed_precision, n.total, n.total_qualifier, n.total_upper,
                       n.facial_recognition, n.facial_recognition_qualifier, n.plate_reading, n.plate_reading_qualifier,
                       n.basis, n.scope, n.note,
                       (select string_agg(distinct src.url, ' ') from citation ci join source src on src.id = ci.source_id
                         where ci.claim_type = 'camera_count' and ci.claim_id = n.id) as source_urls
                  from camera_count n
                  join deployment_summary s on s.deployment_id = n.deployment_id
                 where n.publication = 'published' and\s""" + DeploymentQuery.where(filter).inlined()
                + " order by n.deployment_id, n.observed_on desc nulls last, n.id";
    }

    static String featureRows(DeploymentFilter filter) {
        return """
                select json_build_object(
                         'type', 'Feature',
                         'id', s.deployment_id,
                         'geometry', (select case when count(*) = 0 then null
                                                  when count(*) = 1 then json_build_object('type', 'Point',
                                                       'coordinates', json_build_array(min(l.longitude), min(l.latitude)))
                                                  else json_build_object('type', 'MultiPoint', 'coordinates',
                                                       json_agg(json_build_array(l.longitude, l.latitude) order by l.name_en))
                                             end
                                        from locality l where l.id = any(s.locality_ids) and l.latitude is not null),
                         'properties', json_build_object(
                             'title', s.title, 'program_type', s.program_type, 'country_code', s.country_code,
                             'localities', (select json_agg(l.name_en order by l.name_en) from locality l
                                             where l.id = any(s.locality_ids)),
                             'status', s.status, 'cameras', s.cameras, 'cameras_qualifier', s.cameras_qualifier,
                             'facial_recognition', s.facial_recognition,
                             'facial_recognition_qualifier', s.facial_recognition_qualifier,
                             'oversight_label', s.oversight_label,
                             'href', '/api/v1/deployments/' || s.deployment_id))::text
                  from deployment_summary s
                 where\s""" + DeploymentQuery.where(filter).inlined() + " order by s.deployment_id";
    }

    private void copy(String sql, OutputStream out) {
        // the export's COPY reads where the request's other reads do: the replica for a public export
        try (Connection connection = replica.jdbc().getConnection()) {
            connection.unwrap(PGConnection.class).getCopyAPI().copyOut(sql, out);
            out.flush();
        } catch (SQLException e) {
            throw new IllegalStateException("export failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
