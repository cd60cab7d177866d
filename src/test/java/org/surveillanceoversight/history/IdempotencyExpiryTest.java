package org.surveillanceoversight.history;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.surveillanceoversight.TestRecords;
import org.surveillanceoversight.auth.ApiKeyTest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.surveillanceoversight.source.SourceWriteTest.source;

/**
 * Idempotency answers are kept for {@code oversight.idempotency.keep-for} (24 hours here): within
 * it a key is bound to its first request; after it the key is free again, and the purge deletes
 * the old answer. Time is moved by ageing the stored answer, as the clock would.
 */
@QuarkusTest
class IdempotencyExpiryTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Idempotency idempotency;

    @Test
    void anExpiredKeyIsFreeAgainAndARecentOneIsNot() throws SQLException {
        String editor = ApiKeyTest.newKey("editor");
        String key = UUID.randomUUID().toString();
        Response first = post(editor, key, "[test] First use of a key " + TestRecords.RUN);
        first.then().statusCode(201);

        age(key, "23 hours");
        post(editor, key, "[test] Another body within a day " + TestRecords.RUN).then().statusCode(422);

        age(key, "25 hours");
        Response after = post(editor, key, "[test] Another body after a day " + TestRecords.RUN);
        after.then().statusCode(201);
        assertNotEquals(first.header("Location"), after.header("Location"));
        // the key now holds the new answer, and a retry of it gets that answer
        Response retry = post(editor, key, "[test] Another body after a day " + TestRecords.RUN);
        retry.then().statusCode(201);
        assertEquals(after.header("Location"), retry.header("Location"));
        assertEquals(after.asString(), retry.asString());
    }

    @Test
    void thePurgeDeletesExpiredAnswersAndKeepsLiveOnes() throws SQLException {
        String editor = ApiKeyTest.newKey("editor");
        String old = UUID.randomUUID().toString();
        String recent = UUID.randomUUID().toString();
        post(editor, old, "[test] Purged answer " + TestRecords.RUN).then().statusCode(201);
        post(editor, recent, "[test] Kept answer " + TestRecords.RUN).then().statusCode(201);
        age(old, "25 hours");

        int deleted = idempotency.purgeExpired();

        assertNotEquals(0, deleted);
        assertEquals(0, stored(old));
        assertEquals(1, stored(recent));
    }

    private static Response post(String editor, String key, String title) {
        return given().auth().oauth2(editor).contentType("application/json").header("Idempotency-Key", key)
                .body(source(title)).post("/api/v1/sources");
    }

    private void age(String key, String by) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "update idempotency_record set created_at = now() - cast(? as interval) where key = ?")) {
            s.setString(1, by);
            s.setString(2, key);
            assertEquals(1, s.executeUpdate());
        }
    }

    private int stored(String key) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from idempotency_record where key = ?")) {
            s.setString(1, key);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }
}
