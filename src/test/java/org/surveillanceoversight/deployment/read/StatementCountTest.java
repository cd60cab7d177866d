package org.surveillanceoversight.deployment.read;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.surveillanceoversight.TestRecords;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** No N+1: a page of 500 deployments with every embedded part costs the same few statements as a page of 5. */
@QuarkusTest
public class StatementCountTest {

    static final String COUNTRY = "IS";
    static final int MAX_STATEMENTS = 20;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SessionFactory sessions;

    @Inject
    DocumentReads reads;

    @Inject
    DocumentCache cache;

    @BeforeEach
    void fiveHundredDeployments() throws SQLException {
        long present = given().get("/api/v1/stats/by-country?country=" + COUNTRY).jsonPath()
                .getList("data.deployments", Long.class).stream().mapToLong(Long::longValue).sum();
        if (present < 500) {
            TestRecords.deployments(dataSource, COUNTRY,
                    IntStream.range((int) present, 500).mapToObj(i -> "[test] bulk " + i).toList(), 100);
        }
    }

    /** Statements sent for one request: through Hibernate (rendering) and through the reactive client (the page). */
    private long statementsFor(String path, int expectedItems) {
        sessions.getStatistics().clear();
        long reactive = reads.statements();
        given().get(path).then().statusCode(200).body("data.size()", equalTo(expectedItems));
        return sessions.getStatistics().getPrepareStatementCount() + reads.statements() - reactive;
    }

    private void forgetDocuments() throws SQLException {
        cache.clear();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("delete from deployment_document");
        }
    }

    @Test
    void aFullPageTakesAFixedNumberOfStatements() throws SQLException {
        // rendered from the tables (no stored documents yet)
        forgetDocuments();
        long five = statementsFor("/api/v1/deployments?country=" + COUNTRY + "&limit=5", 5);
        forgetDocuments();
        long fiveHundred = statementsFor("/api/v1/deployments?country=" + COUNTRY + "&limit=500", 500);
        assertTrue(fiveHundred <= MAX_STATEMENTS, fiveHundred + " statements for 500 deployments");
        assertEquals(five, fiveHundred, "the count must not grow with the page");
        // served from stored documents: the page query (IDs and revisions), the document lookup
        cache.clear();
        long stored = statementsFor("/api/v1/deployments?country=" + COUNTRY + "&limit=500", 500);
        assertEquals(2, stored, "a page of stored documents");
        // served from the documents kept in memory at the same revisions: the page query alone
        long cached = statementsFor("/api/v1/deployments?country=" + COUNTRY + "&limit=500", 500);
        assertEquals(1, cached, "a page of documents kept in memory");
        System.out.printf("statements per page: 5 rendered %d, 500 rendered %d, 500 stored %d, 500 cached %d%n",
                five, fiveHundred, stored, cached);
        List<?> first = given().get("/api/v1/deployments?country=" + COUNTRY + "&limit=500").jsonPath().getList("data[0].citations");
        assertTrue(!first.isEmpty(), "the parts are really embedded");
    }
}
