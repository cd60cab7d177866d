package org.surveillanceoversight;

import org.surveillanceoversight.seed.SeedIds;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Inserts published, fully cited test deployments with SQL (the API has no writes yet). They
 * live in countries the seed does not use, and their titles start with "[test]", so tests on
 * the real records can filter them out; records are never deleted.
 */
public final class TestRecords {

    public static final UUID MEMO = SeedIds.of("source", "ponars-marat-2018");
    public static final UUID HUAWEI = SeedIds.of("vendor", "huawei");

    /**
     * A word unique to this run of the suite: names and titles that must be unique carry it, so the
     * suite passes again on a database that holds an earlier run's records. Searchable with `q`.
     */
    public static final String RUN = "run" + Long.toString(System.currentTimeMillis(), 36);

    private TestRecords() {
    }

    /** One deployment per title, each with a camera count, a vendor role, a capability, a status event and a loan. */
    public static List<UUID> deployments(DataSource dataSource, String country, List<String> titles, int cameras)
            throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            for (String title : titles) {
                UUID id = UUID.randomUUID();
                ids.add(id);
                insert(c, "insert into deployment (id, title, program_type, country_code, confidence) "
                        + "values (?, ?, 'other', ?, 'low')",
                        id, title, country);
                cite(c, "deployment", id);
                cite(c, "camera_count", insert(c, "insert into camera_count (id, deployment_id, observed_on, observed_precision, "
                        + "total, total_qualifier, basis) values (?, ?, current_date, 'day', ?, 'exact', 'observed')", null, id, cameras));
                cite(c, "deployment_vendor", insert(c, "insert into deployment_vendor (id, deployment_id, vendor_id, role) "
                        + "values (?, ?, ?, 'supplier')", null, id, HUAWEI));
                cite(c, "deployment_capability", insert(c, "insert into deployment_capability (id, deployment_id, capability_code, "
                        + "evidence_level) values (?, ?, 'crowd_monitoring', 'observed')", null, id));
                cite(c, "status_event", insert(c, "insert into status_event (id, deployment_id, sequence, status) "
                        + "values (?, ?, 1, 'announced')", null, id));
                cite(c, "financing", insert(c, "insert into financing (id, deployment_id, instrument, lender, amount, currency, "
                        + "amount_usd, amount_qualifier) values (?, ?, 'loan', 'Test Bank', 1000, 'USD', 1000, 'exact')", null, id));
            }
            c.commit();
        }
        return ids;
    }

    /** Adds a cited, dated observation to an existing deployment. */
    public static void cameraCount(DataSource dataSource, UUID deployment, int total) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            cite(c, "camera_count", insert(c, "insert into camera_count (id, deployment_id, observed_on, observed_precision, "
                    + "total, total_qualifier, basis) values (?, ?, current_date + 1, 'day', ?, 'exact', 'observed')",
                    null, deployment, total));
            c.commit();
        }
    }

    /** Inserts a row whose first parameter is its new ID (generated when null); returns the ID. */
    private static UUID insert(Connection c, String sql, Object... values) throws SQLException {
        UUID id = values[0] == null ? UUID.randomUUID() : (UUID) values[0];
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, id);
            for (int i = 1; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        }
        return id;
    }

    private static void cite(Connection c, String claimType, UUID claimId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into citation (id, claim_type, claim_id, source_id, note) "
                + "values (?, ?, ?, ?, 'test record')")) {
            s.setObject(1, UUID.randomUUID());
            s.setString(2, claimType);
            s.setObject(3, claimId);
            s.setObject(4, MEMO);
            s.executeUpdate();
        }
    }
}
