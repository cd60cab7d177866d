package org.surveillanceoversight.deployment;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.surveillanceoversight.TestRecords;
import org.surveillanceoversight.deployment.read.DocumentRenderer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stored deployment JSON is a cache that can never serve stale data: any write to what a
 * deployment shows (its parts, a citation, a cited source) makes the next read render it again.
 */
@QuarkusTest
public class DeploymentDocumentTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    DocumentRenderer renderer;

    @Test
    void writesToAnyPartAreServedAtOnce() throws SQLException {
        UUID id = TestRecords.deployments(dataSource, "FI", List.of("[test] document freshness"), 10).get(0);
        String path = "/api/v1/deployments/" + id;
        given().get(path).then().statusCode(200).body("camera_counts[0].total", equalTo(10));
        assertTrue(stored(id), "the first read stores the document");

        TestRecords.cameraCount(dataSource, id, 11);
        given().get(path).then().body("camera_counts[0].total", equalTo(11));
        given().get("/api/v1/deployments?country=FI").then()
                .body("data.find { it.id == '" + id + "' }.camera_counts[0].total", equalTo(11));

        exec("update deployment set title = '[test] document freshness (renamed)' where id = '" + id + "'");
        given().get(path).then().body("title", equalTo("[test] document freshness (renamed)"));

        exec("update citation set quote = 'a corrected passage' where claim_type = 'deployment' and claim_id = '" + id + "'");
        given().get(path).then().body("citations.quote", hasItem("a corrected passage"));
    }

    @Test
    void renamingACitedSourceReachesEveryDeploymentThatCitesIt() throws SQLException {
        UUID source = UUID.randomUUID();
        UUID id = TestRecords.deployments(dataSource, "FI", List.of("[test] cites a source"), 10).get(0);
        exec("insert into source (id, kind, title, language) values ('" + source + "', 'news', 'Old title', 'en')");
        exec("insert into citation (id, claim_type, claim_id, source_id) values ('" + UUID.randomUUID()
                + "', 'deployment', '" + id + "', '" + source + "')");
        given().get("/api/v1/deployments/" + id).then().body("citations.source.title", hasItem("Old title"));
        exec("update source set title = 'New title' where id = '" + source + "'");
        given().get("/api/v1/deployments/" + id).then().body("citations.source.title", hasItem("New title"));
    }

    @Test
    void theBackgroundRendererFillsMissingDocuments() throws SQLException {
        List<UUID> ids = TestRecords.deployments(dataSource, "FI", List.of("[test] rendered ahead 1", "[test] rendered ahead 2"), 3);
        assertTrue(!stored(ids.get(0)) && !stored(ids.get(1)));
        int rendered = renderer.renderStale(Duration.ofSeconds(30));
        assertTrue(rendered >= 2, "rendered " + rendered);
        assertTrue(stored(ids.get(0)) && stored(ids.get(1)));
        assertEquals(0, renderer.renderStale(Duration.ofSeconds(30)), "nothing left to render");
    }

    private boolean stored(UUID id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select 1 from deployment_document d join deployment_summary s "
                     + "using (deployment_id) where d.deployment_id = ? and d.revision = s.revision")) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private void exec(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
