package org.surveillanceoversight.common.observability;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.Logger;
import org.junit.jupiter.api.Test;
import org.surveillanceoversight.auth.ApiKeyTest;
import org.surveillanceoversight.source.SourceWriteTest;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an operator scrapes and reads: Prometheus metrics at /q/metrics (HTTP by route and status,
 * both connection pools, the JVM, the registry's own counters), and a request id on every answer
 * that the log lines of that request carry.
 */
@QuarkusTest
class ObservabilityTest {

    private static final Pattern UUID_SHAPE = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Inject
    RegistryMetrics metrics;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void httpByRouteAndStatusPoolsAndTheJvm() {
        String id = given().get("/api/v1/deployments?limit=1").then().statusCode(200).extract().path("data[0].id");
        double before = value(scrape(), "http_server_requests_seconds_count", "uri=\"/api/v1/deployments/{id}\"", "status=\"200\"", "method=\"GET\"");
        given().get("/api/v1/deployments/" + id).then().statusCode(200);
        given().get("/api/v1/sources/" + java.util.UUID.randomUUID()).then().statusCode(404);
        String page = scrape();
        assertEquals(before + 1, value(page, "http_server_requests_seconds_count", "uri=\"/api/v1/deployments/{id}\"", "status=\"200\"", "method=\"GET\""),
                "one more request on the route template, not on its concrete path");
        assertTrue(value(page, "http_server_requests_seconds_count", "uri=\"/api/v1/sources/{id}\"", "status=\"404\"") >= 1, page);
        assertTrue(!page.contains("uri=\"/api/v1/deployments/" + id + "\""), "no concrete IDs as labels");
        assertTrue(value(page, "agroal_max_used_count") >= 1, "the JDBC pool");
        assertTrue(page.contains("sql_pool_"), "the reactive pool");
        assertTrue(value(page, "jvm_memory_used_bytes", "area=\"heap\"") > 0, "the JVM");
    }

    @Test
    void writesByRecordTypeCountOnlyWhatCommitted() {
        String editor = ApiKeyTest.newKey("editor");
        String page = scrape();
        double creates = value(page, "oversight_record_writes_total", "type=\"source\"", "action=\"create\"");
        double updates = value(page, "oversight_record_writes_total", "type=\"source\"", "action=\"update\"");
        Response created = given().auth().oauth2(editor).contentType("application/json")
                .body(SourceWriteTest.source("[test] counted source")).post("/api/v1/sources");
        assertEquals(201, created.statusCode());
        // a patch against a revision that is no longer current is refused inside the writer's transaction
        given().auth().oauth2(editor).contentType("application/merge-patch+json").header("If-Match", "\"r1\"")
                .body(Map.of("publisher", "Other Wire", "change_reason", "test")).patch("/api/v1/sources/" + created.path("id"))
                .then().statusCode(412);
        page = scrape();
        assertEquals(creates + 1, value(page, "oversight_record_writes_total", "type=\"source\"", "action=\"create\""));
        assertEquals(updates, value(page, "oversight_record_writes_total", "type=\"source\"", "action=\"update\""),
                "the refused patch is not counted");
    }

    @Test
    void submissionsWaitingIsTheCountOfPendingOnes() throws Exception {
        given().contentType("application/json").body(Map.of("kind", "tip", "message", "A new camera network in Osh"))
                .post("/api/v1/submissions").then().statusCode(202);
        metrics.refresh();
        long pending;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select count(*) from submission where state = 'pending'")) {
            r.next();
            pending = r.getLong(1);
        }
        assertTrue(pending >= 1);
        assertEquals(pending, value(scrape(), "oversight_submissions_waiting"));
    }

    @Test
    void everyAnswerCarriesARequestIdThatItsLogLinesName() {
        Response read = given().get("/api/v1/deployments?limit=1");
        assertTrue(UUID_SHAPE.matcher(read.header(RequestIds.HEADER)).matches(), read.header(RequestIds.HEADER));
        assertNotEquals(read.header(RequestIds.HEADER), given().get("/api/v1/deployments?limit=1").header(RequestIds.HEADER));
        assertTrue(UUID_SHAPE.matcher(given().get("/no/such/path").then().statusCode(404).extract().header(RequestIds.HEADER)).matches(),
                "also on an answer the API never saw");
        // a proxy's id is kept; one that could forge a log line is replaced
        assertEquals("lb-7f3a.42", given().header(RequestIds.HEADER, "lb-7f3a.42").get("/api/v1/countries").header(RequestIds.HEADER));
        String forged = given().header(RequestIds.HEADER, "x\" level=ERROR msg=forged").get("/api/v1/countries").header(RequestIds.HEADER);
        assertTrue(UUID_SHAPE.matcher(forged).matches(), forged);
        assertTrue(UUID_SHAPE.matcher(given().header(RequestIds.HEADER, "a".repeat(65)).get("/api/v1/countries")
                .header(RequestIds.HEADER)).matches());

        List<ExtLogRecord> lines = new CopyOnWriteArrayList<>();
        ExtHandler capture = new ExtHandler() {
            @Override
            protected void doPublish(ExtLogRecord record) {
                record.copyMdc();
                lines.add(record);
            }
        };
        Logger logger = Logger.getLogger(RegistryMetrics.class.getName());
        logger.addHandler(capture);
        try {
            Response created = given().auth().oauth2(ApiKeyTest.newKey("editor")).contentType("application/json")
                    .body(SourceWriteTest.source("[test] logged source")).post("/api/v1/sources");
            assertEquals(201, created.statusCode());
            String createdId = created.path("id");
            ExtLogRecord line = lines.stream().filter(r -> r.getFormattedMessage().contains(createdId)).findFirst().orElseThrow();
            assertEquals(created.header(RequestIds.HEADER), line.getMdc(RequestIds.LOG_KEY), "the write's log line names its request");
            assertTrue(line.getFormattedMessage().startsWith("Committed create of source " + createdId), line.getFormattedMessage());
        } finally {
            logger.removeHandler(capture);
        }
    }

    private static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The sum of a metric's samples whose labels include all those given (0 when none). */
    static double value(String page, String metric, String... labels) {
        double sum = 0;
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(metric) + "(\\{.*\\})? (\\S+)$").matcher(page);
        while (m.find()) {
            String found = m.group(1) == null ? "" : m.group(1);
            boolean all = true;
            for (String label : labels) {
                all &= found.contains(label);
            }
            if (all) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }
}
