package org.surveillanceoversight.seed;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.surveillanceoversight.TestRecords;
import org.surveillanceoversight.auth.ApiKeyTest;
import org.surveillanceoversight.common.records.Publication;
import org.surveillanceoversight.deployment.model.Deployment;
import org.surveillanceoversight.seed.SeedRecords.DeploymentSeed;
import org.surveillanceoversight.source.ClaimType;
import org.surveillanceoversight.source.Source;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
public class SeedTest {

    static final List<String> TABLES = List.of("country", "source", "locality", "vendor", "vendor_alias",
            "vendor_restriction", "finding", "deployment", "deployment_locality", "deployment_vendor", "status_event",
            "camera_count", "deployment_capability", "financing", "financing_external_id", "oversight_assessment",
            "oversight_criterion", "citation");

    @Inject
    SeedLoader loader;

    @Inject
    SeedWriter writer;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Test
    void loadingAgainChangesNothing() throws SQLException {
        Map<String, Integer> before = rowCounts();
        assertEquals(List.of(), loader.load(), "unchanged files are not applied again");
        assertEquals(before, rowCounts());
        assertEquals(249, before.get("country"), "the full ISO 3166-1 list");
        assertTrue(before.get("deployment") >= 4);
    }

    @Test
    void everyPublishedClaimInTheRegistryCitesASource() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (ClaimType type : ClaimType.values()) {
                String extra = type == ClaimType.oversight_criterion ? " and r.score <> 'unknown'" : "";
                try (ResultSet rs = s.executeQuery("select count(*) from " + type + " r where r.publication = 'published'"
                        + extra + " and not exists (select 1 from citation c where c.claim_type = '" + type
                        + "' and c.claim_id = r.id)")) {
                    rs.next();
                    assertEquals(0, rs.getInt(1), type + " rows without a citation");
                }
            }
        }
    }

    @Test
    void publicIdsDoNotDependOnTheMachine() {
        // a change here would change every public ID of the seed: never do it
        assertEquals(UUID.fromString("ae6e39b3-4adf-3b82-b620-65fd40413d07"), SeedIds.of("deployment", "kyiv-smart-city"));
    }

    @Test
    @TestTransaction
    void aCorrectedRecordIsUpdatedInPlace() throws IOException {
        List<DeploymentSeed> seeds = deploymentsFromFile();
        DeploymentSeed kyiv = seeds.stream().filter(d -> d.key().equals("kyiv-smart-city")).findFirst().orElseThrow();
        UUID id = SeedIds.of("deployment", "kyiv-smart-city");
        int version = Deployment.<Deployment>findById(id).version;
        long deployments = Deployment.count();

        writer.begin("a corrected title");
        writer.deployments(List.of(withTitle(kyiv, "Kyiv smart city video surveillance (corrected)")));
        assertEquals(List.of(), writer.problems());
        em.flush();
        em.clear();

        Deployment updated = Deployment.findById(id);
        assertEquals("Kyiv smart city video surveillance (corrected)", updated.title);
        assertEquals(version + 1, updated.version, "an update is a new version");
        assertEquals(deployments, Deployment.count(), "no duplicate");
    }

    @Test
    @TestTransaction
    void aClaimWithoutCitationOrWithAnUnknownKeyIsRefusedWithItsPlace() throws IOException {
        DeploymentSeed kyiv = deploymentsFromFile().get(0);
        DeploymentSeed uncited = new DeploymentSeed("test-uncited", null, "t", null, kyiv.programType(), "UA",
                List.of("atlantis"), null, null, kyiv.confidence(), null, List.of(),
                List.of(new SeedRecords.VendorRoleSeed("acme", kyiv.vendors().get(0).role(), null,
                        kyiv.vendors().get(0).citations())),
                List.of(new SeedRecords.StatusSeed(kyiv.statusEvents().get(0).status(), "2018-13", null,
                        kyiv.statusEvents().get(0).citations())),
                List.of(), List.of(), List.of(), null);
        DeploymentSeed misdated = new DeploymentSeed("test-misdated", null, "t", null, kyiv.programType(), "UA",
                List.of(), null, null, kyiv.confidence(), null, kyiv.citations(), List.of(),
                List.of(new SeedRecords.StatusSeed(kyiv.statusEvents().get(0).status(), "2018-13", null,
                        kyiv.statusEvents().get(0).citations())),
                List.of(), List.of(), List.of(), null);
        writer.begin("test");
        writer.deployments(List.of(uncited, misdated));
        List<String> problems = writer.problems();
        assertTrue(problems.contains("deployments test-uncited.citations: must not be empty"), problems.toString());
        assertTrue(problems.contains("deployments test-uncited.localities: no locality has the key 'atlantis'"), problems.toString());
        assertTrue(problems.contains("deployments test-uncited.vendors: no vendor has the key 'acme'"), problems.toString());
        assertTrue(problems.contains("deployments test-misdated.status_history[0].occurred_on: is not a real date"),
                problems.toString());
        em.clear();
    }

    @Test
    void theSeedExceptionListsEveryProblem() {
        SeedLoader.SeedException e = new SeedLoader.SeedException("deployments.json", List.of("a: x", "b: y"));
        assertEquals("seed/deployments.json cannot be loaded:\n  - a: x\n  - b: y", e.getMessage());
    }

    /** A logical dump (COPY out) restored into a freshly migrated database keeps every public ID. */
    @Test
    void publicIdsSurviveADumpAndRestore() throws SQLException, IOException {
        String restored = "restore_check_" + System.nanoTime();
        try (Connection admin = dataSource.getConnection(); Statement s = admin.createStatement()) {
            s.execute("create database " + restored);
        }
        String url;
        try (Connection c = dataSource.getConnection()) {
            url = c.getMetaData().getURL().replaceFirst("/[^/?]+(\\?|$)", "/" + restored + "$1");
        }
        String user = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("quarkus.datasource.username", String.class).orElse(null);
        String password = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("quarkus.datasource.password", String.class).orElse(null);
        org.flywaydb.core.Flyway.configure().dataSource(url, user, password).load().migrate();
        try (Connection from = dataSource.getConnection();
             Connection to = java.sql.DriverManager.getConnection(url, user, password)) {
            to.setAutoCommit(false);
            var out = from.unwrap(org.postgresql.PGConnection.class).getCopyAPI();
            var in = to.unwrap(org.postgresql.PGConnection.class).getCopyAPI();
            for (String table : TABLES) {
                var dump = new java.io.ByteArrayOutputStream();
                out.copyOut("copy " + table + " to stdout", dump);
                in.copyIn("copy " + table + " from stdin", new java.io.ByteArrayInputStream(dump.toByteArray()));
            }
            to.commit(); // the deferred citation rules hold for the restored data too
            for (String table : List.of("deployment", "vendor", "source", "camera_count", "citation")) {
                assertEquals(ids(from, table), ids(to, table), table + " IDs after restore");
            }
        } finally {
            try (Connection admin = dataSource.getConnection(); Statement s = admin.createStatement()) {
                s.execute("drop database if exists " + restored + " with (force)");
            }
        }
    }

    private static List<String> ids(Connection c, String table) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select id from " + table + " order by id")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    @Test
    void theSeedWritesAsTheActorSeedOneRevisionPerRecord() {
        UUID kyiv = SeedIds.of("deployment", "kyiv-smart-city");
        List<Map<String, Object>> revisions = given().get("/api/v1/deployments/" + kyiv + "/history").then()
                .statusCode(200).extract().jsonPath().getList("data");
        assertNotNull(revisions, "a history has data");
        assertFalse(revisions.isEmpty());
        assertEquals("seed", revisions.get(0).get("actor"));
        assertTrue(((String) revisions.get(0).get("reason")).startsWith("Seed file deployments.json applied"),
                revisions.get(0).toString());
    }

    /** A seeded record and an API-written one cannot differ: the API takes the seeded record's input and gives it back. */
    @Test
    void aSeededRecordIsWhatTheApiWritesFromTheSameInput() {
        UUID kyiv = SeedIds.of("deployment", "kyiv-smart-city");
        Map<String, Object> seeded = given().get("/api/v1/deployments/" + kyiv + "/input").then().statusCode(200)
                .extract().jsonPath().getMap("");
        // the input is posted in its own order (status events are in time order); only the comparison sorts
        Map<String, Object> input = withoutPartIds(seeded, false);
        input.put("title", seeded.get("title") + " [test] " + TestRecords.RUN);
        input.put("change_reason", "the seeded record written again through the API");
        String copy = given().auth().oauth2(ApiKeyTest.newKey("editor")).contentType("application/json").body(input)
                .post("/api/v1/deployments").then().log().ifValidationFails().statusCode(201).extract().path("id");
        Map<String, Object> written = given().get("/api/v1/deployments/" + copy + "/input").then().statusCode(200)
                .extract().jsonPath().getMap("");
        input.put("change_reason", null);
        // the copy leaves the lists and stats again (their tests count the seed's records)
        String etag = given().get("/api/v1/deployments/" + copy).then().extract().header("ETag");
        given().auth().oauth2(ApiKeyTest.newKey("reviewer")).contentType("application/json").header("If-Match", etag)
                .body(Map.of("reason", "a test's copy of a seeded record")).post("/api/v1/deployments/" + copy + "/retract")
                .then().statusCode(200);
        assertEquals(withoutPartIds(input, true), withoutPartIds(written, true));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withoutPartIds(Map<String, Object> input, boolean sorted) {
        Map<String, Object> copy = new LinkedHashMap<>(input);
        for (Map.Entry<String, Object> e : copy.entrySet()) {
            if (e.getValue() instanceof List<?> list) {
                List<Object> parts = list.stream().map(item -> {
                    if (item instanceof Map<?, ?> part) {
                        Map<String, Object> p = new LinkedHashMap<>((Map<String, Object>) part);
                        p.remove("id");
                        return (Object) p;
                    }
                    return item;
                }).toList();
                // parts are shown in the order of their IDs, which the seed names and the API draws at random
                e.setValue(sorted ? parts.stream().sorted(Comparator.comparing(Object::toString)).toList() : parts);
            }
        }
        return copy;
    }

    @Test
    @TestTransaction
    void aRecordLeftOutOfItsFileIsRetractedAsRemovedFromTheSeed() throws IOException {
        List<SeedRecords.SourceSeed> sources;
        try (var in = SeedTest.class.getResourceAsStream("/seed/sources.json")) {
            sources = json.readValue(in, json.getTypeFactory().constructCollectionType(List.class, SeedRecords.SourceSeed.class));
        }
        SeedRecords.SourceSeed left = sources.get(sources.size() - 1);
        writer.begin("a source taken out of the file");
        writer.sources(sources.subList(0, sources.size() - 1));
        assertEquals(List.of(), writer.problems());
        em.flush();
        em.clear();
        Source removed = Source.findById(SeedIds.of("source", left.key()));
        assertEquals(Publication.retracted, removed.publication);
        assertEquals("removed from the seed", removed.retractionReason);
        assertEquals("seed", removed.retractedBy);
        Source kept = Source.findById(SeedIds.of("source", sources.get(0).key()));
        assertEquals(Publication.published, kept.publication);
    }

    @Test
    @TestTransaction
    void theSeedBringsBackOnlyWhatItRetractedItself() throws IOException {
        List<SeedRecords.SourceSeed> sources;
        try (var in = SeedTest.class.getResourceAsStream("/seed/sources.json")) {
            sources = json.readValue(in, json.getTypeFactory().constructCollectionType(List.class, SeedRecords.SourceSeed.class));
        }
        UUID byReviewer = SeedIds.of("source", sources.get(0).key());
        UUID bySeed = SeedIds.of("source", sources.get(1).key());
        Source s = Source.findById(byReviewer);
        s.publication = Publication.retracted;
        s.retractedAt = Instant.now();
        s.retractedBy = "api_key:" + UUID.randomUUID();
        s.retractionReason = "the outlet withdrew it";
        Source t = Source.findById(bySeed);
        t.publication = Publication.retracted;
        t.retractedAt = Instant.now();
        t.retractedBy = "seed";
        t.retractionReason = "removed from the seed";
        em.flush();
        writer.begin("both back in the file");
        writer.sources(sources);
        assertEquals(List.of(), writer.problems());
        em.flush();
        em.clear();
        assertEquals(Publication.retracted, Source.<Source>findById(byReviewer).publication, "a reviewer's retraction stands");
        assertEquals(Publication.published, Source.<Source>findById(bySeed).publication, "the seed's own comes back");
    }

    private List<DeploymentSeed> deploymentsFromFile() throws IOException {
        try (var in = SeedTest.class.getResourceAsStream("/seed/deployments.json")) {
            return json.readValue(in, json.getTypeFactory().constructCollectionType(List.class, DeploymentSeed.class));
        }
    }

    private static DeploymentSeed withTitle(DeploymentSeed d, String title) {
        return new DeploymentSeed(d.key(), d.parent(), title, d.summary(), d.programType(), d.country(), d.localities(),
                d.operatorAgency(), d.publicSpaces(), d.confidence(), d.confidenceNote(), d.citations(), d.vendors(),
                d.statusEvents(), d.cameraCounts(), d.capabilities(), d.financing(), d.oversight());
    }

    private Map<String, Integer> rowCounts() throws SQLException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rs = s.executeQuery("select count(*) from " + table)) {
                    rs.next();
                    counts.put(table, rs.getInt(1));
                }
            }
        }
        return counts;
    }
}
