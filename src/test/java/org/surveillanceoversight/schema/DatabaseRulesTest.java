package org.surveillanceoversight.schema;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.surveillanceoversight.seed.SeedIds;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the database itself guarantees, whatever code path writes: enumerations, counts,
 * country codes, dates in order, citations on published claims, append-only history, and the
 * derived oversight label. Every case runs in a transaction that is rolled back.
 */
@QuarkusTest
public class DatabaseRulesTest {

    static final String KYIV = SeedIds.of("deployment", "kyiv-smart-city").toString();
    static final String MEMO = SeedIds.of("source", "ponars-marat-2018").toString();

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aPublishedClaimWithoutCitationIsRefusedAtCommit() throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            exec(c, deployment(id, "published"));
            SQLException e = assertThrows(SQLException.class, c::commit);
            assertTrue(e.getMessage().contains("without a citation"), e.getMessage());
            c.rollback();
            c.setAutoCommit(true);
            assertEquals(0, count(c, "select count(*) from deployment where id = '" + id + "'"));
        }
    }

    @Test
    void aCitedClaimOrADraftIsAccepted() {
        UUID cited = UUID.randomUUID();
        refusedOrAccepted(null, deployment(cited, "published"),
                "insert into citation (id, claim_type, claim_id, source_id, quote) values ('" + UUID.randomUUID()
                        + "', 'deployment', '" + cited + "', '" + MEMO + "', 'a passage')");
        refusedOrAccepted(null, deployment(UUID.randomUUID(), "draft"));
    }

    @Test
    void citationsPointAtClaimsThatExistAndCannotAllBeRemoved() {
        refusedOrAccepted("does not exist", "insert into citation (id, claim_type, claim_id, source_id) values ('"
                + UUID.randomUUID() + "', 'deployment', '" + UUID.randomUUID() + "', '" + MEMO + "')");
        refusedOrAccepted("without a citation", "delete from citation where claim_id = '" + KYIV + "'");
    }

    @Test
    void recordsAreRetractedNeverDeleted() {
        refusedOrAccepted("retracted, never deleted", "delete from camera_count where deployment_id = '" + KYIV + "'");
        refusedOrAccepted("retracted, never deleted", "delete from source where id = '" + MEMO + "'");
        refusedOrAccepted("retraction", "update deployment set publication = 'retracted' where id = '" + KYIV + "'");
        refusedOrAccepted(null, "update deployment set publication = 'retracted', retracted_at = now(), "
                + "retracted_by = 'test', retraction_reason = 'duplicate' where id = '" + KYIV + "'");
    }

    @Test
    void countsAreNonNegativeAndSubsetsFitAnExactTotal() {
        refusedOrAccepted("camera_count_facial_within_total", count("10, 'exact', 11, 'exact', null, null"));
        refusedOrAccepted("camera_count_facial_within_total", count("10, 'exact', 10, 'over', null, null"));
        refusedOrAccepted("camera_count_plate_within_total", count("10, 'exact', null, null, 12, 'at_least'"));
        refusedOrAccepted("check", count("-1, 'exact', null, null, null, null"));
        refusedOrAccepted("check", count("10, null, null, null, null, null"));
        refusedOrAccepted(null, count("4100, 'exact', 60, 'over', 60, 'over'"));
        refusedOrAccepted(null, count("10, 'approximately', 12, 'exact', null, null"));
    }

    @Test
    void onlyRealCountryCodesAndKnownEnumerations() {
        refusedOrAccepted("foreign key", deploymentIn("XX", "smart_city"));
        refusedOrAccepted("foreign key", deploymentIn("ua", "smart_city"));
        refusedOrAccepted("check", deploymentIn("UA", "spy_city"));
        refusedOrAccepted(null, deploymentIn("UA", "transit"));
    }

    @Test
    void datesAreInOrder() {
        String vendor = SeedIds.of("vendor", "huawei").toString();
        refusedOrAccepted("check", "insert into vendor_restriction (id, vendor_id, kind, jurisdiction, description, "
                + "effective_on, effective_precision, ended_on, ended_precision, publication) values ('"
                + UUID.randomUUID() + "', '" + vendor + "', 'market_ban', 'AU', 'x', '2020-01-01', 'day', "
                + "'2019-01-01', 'day', 'draft')");
        refusedOrAccepted("check", "insert into financing (id, deployment_id, instrument, signed_on, signed_precision, "
                + "ratified_on, ratified_precision, publication) values ('" + UUID.randomUUID() + "', '" + KYIV
                + "', 'loan', '2013-05-20', 'day', '2013-01-01', 'month', 'draft')");
        String dushanbe = SeedIds.of("deployment", "dushanbe-safe-city").toString();
        // the seeded lifecycle has three events, the last "operational" on 2014-10-31
        refusedOrAccepted("dated out of order", "insert into status_event (id, deployment_id, sequence, status, "
                + "occurred_on, occurred_precision, publication) values ('" + UUID.randomUUID() + "', '" + dushanbe
                + "', 4, 'expanded', '2012-01-01', 'year', 'draft')");
        refusedOrAccepted(null, "insert into status_event (id, deployment_id, sequence, status, "
                + "occurred_on, occurred_precision, publication) values ('" + UUID.randomUUID() + "', '" + dushanbe
                + "', 4, 'expanded', '2024-07-17', 'day', 'draft')");
    }

    @Test
    void revisionsAreAppendOnly() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                exec(c, "insert into revision (entity_type, entity_id, version, actor, change) "
                        + "values ('deployment', '" + KYIV + "', 1, 'test', '{}')");
                for (String rewrite : new String[]{"update revision set actor = 'someone else'",
                        "delete from revision", "truncate revision"}) {
                    exec(c, "savepoint before_rewrite");
                    SQLException e = assertThrows(SQLException.class, () -> exec(c, rewrite), rewrite);
                    assertTrue(e.getMessage().contains("append-only"), e.getMessage());
                    exec(c, "rollback to savepoint before_rewrite");
                }
            } finally {
                c.rollback();
            }
        }
    }

    /** The documented ladder of docs/OVERSIGHT.md; unknown and withheld never raise a label. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "'', none",
            "'legal_basis=yes use_policy_published=yes', none",
            "'legal_basis=yes use_policy_published=yes costs_financing_disclosed=partial', disclosed",
            "'legal_basis=yes use_policy_published=partial costs_financing_disclosed=yes', none",
            "'legal_basis=withheld use_policy_published=yes costs_financing_disclosed=yes', none",
            "'legal_basis=yes use_policy_published=yes costs_financing_disclosed=yes public_notice_consultation=yes impact_assessment_published=yes', consulted",
            "'legal_basis=yes use_policy_published=yes costs_financing_disclosed=yes public_notice_consultation=yes impact_assessment_published=yes elected_body_approval=yes', approved",
            "'legal_basis=yes use_policy_published=yes costs_financing_disclosed=yes public_notice_consultation=yes impact_assessment_published=yes elected_body_approval=yes independent_auditor=yes periodic_public_reporting=yes human_oversight_appeal=yes', independently_overseen",
            "'legal_basis=yes use_policy_published=yes costs_financing_disclosed=yes public_notice_consultation=yes impact_assessment_published=yes elected_body_approval=unknown independent_auditor=yes periodic_public_reporting=yes human_oversight_appeal=yes', consulted",
    })
    void theOversightLabelIsDerivedFromTheCriteria(String scores, String expected) throws SQLException {
        UUID assessment = UUID.randomUUID();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                exec(c, "insert into oversight_assessment (id, deployment_id, as_of, assessed_by) values ('"
                        + assessment + "', '" + KYIV + "', '2099-01-01', 'test')");
                for (String pair : scores.isBlank() ? new String[0] : scores.split(" ")) {
                    String[] kv = pair.split("=");
                    exec(c, "insert into oversight_criterion (id, assessment_id, criterion, score) values ('"
                            + UUID.randomUUID() + "', '" + assessment + "', '" + kv[0] + "', '" + kv[1] + "')");
                }
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("select label from oversight_assessment_label where assessment_id = '"
                             + assessment + "'")) {
                    assertTrue(rs.next());
                    assertEquals(expected, rs.getString(1));
                }
            } finally {
                c.rollback();
            }
        }
    }

    private static String deployment(UUID id, String publication) {
        return "insert into deployment (id, title, program_type, country_code, confidence, publication) values ('"
                + id + "', 'test', 'smart_city', 'UA', 'low', '" + publication + "')";
    }

    private static String deploymentIn(String country, String programType) {
        return "insert into deployment (id, title, program_type, country_code, confidence, publication) values ('"
                + UUID.randomUUID() + "', 'test', '" + programType + "', '" + country + "', 'low', 'draft')";
    }

    private static String count(String figures) {
        return "insert into camera_count (id, deployment_id, total, total_qualifier, facial_recognition, "
                + "facial_recognition_qualifier, plate_reading, plate_reading_qualifier, basis, publication) values ('"
                + UUID.randomUUID() + "', '" + KYIV + "', " + figures + ", 'press', 'draft')";
    }

    /**
     * Runs the statements in one transaction with every deferred rule checked, then rolls back.
     * expectedError null: they must succeed; otherwise they must fail with that text in the message.
     */
    private void refusedOrAccepted(String expectedError, String... statements) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (expectedError == null) {
                    for (String sql : statements) {
                        exec(c, sql);
                    }
                    exec(c, "set constraints all immediate");
                } else {
                    SQLException e = assertThrows(SQLException.class, () -> {
                        for (String sql : statements) {
                            exec(c, sql);
                        }
                        exec(c, "set constraints all immediate");
                    }, String.join("; ", statements));
                    assertTrue(e.getMessage().contains(expectedError),
                            "expected '" + expectedError + "' in: " + e.getMessage());
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static int count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
