package org.surveillanceoversight.common.errors;

import org.hibernate.exception.GenericJDBCException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failures are an unreachable database (a 503) and which are not (a 500, or the caller's 4xx). */
class DatabaseOutageTest {

    @Test
    void lostAndRefusedConnectionsAreAnOutage() {
        assertTrue(DatabaseOutage.among(new SQLException("An I/O error occurred while sending to the backend.", "08006")));
        assertTrue(DatabaseOutage.among(new SQLException("terminating connection due to administrator command", "57P01")));
        assertTrue(DatabaseOutage.among(new SQLException("the database system is starting up", "57P03")));
        assertTrue(DatabaseOutage.among(new IllegalStateException("wrapped", new RuntimeException(new ConnectException("Connection refused")))));
        assertTrue(DatabaseOutage.among(new SQLException("Acquisition timeout while waiting for new connection")));
        // every pooled connection stayed busy (found by the soak under 64 connections: it was a 500)
        assertTrue(DatabaseOutage.among(new GenericJDBCException("Unable to acquire JDBC Connection [Sorry, acquisition timeout!] [n/a]",
                new SQLException("Sorry, acquisition timeout!"))));
        // a commit that failed as the server died: the connection error is only a suppressed exception
        RuntimeException commit = new RuntimeException("Could not commit transaction");
        Exception xa = new Exception("Error trying to transactionCommit local transaction");
        xa.addSuppressed(new SQLException("FATAL: terminating connection due to unexpected postmaster exit", "57P02"));
        commit.addSuppressed(xa);
        assertTrue(DatabaseOutage.among(new IllegalStateException("Error invoking subclass method", commit)));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(DatabaseOutage.among(new SQLException("duplicate key value violates unique constraint", "23505")));
        assertFalse(DatabaseOutage.among(new SQLException("syntax error", "42601")));
        assertFalse(DatabaseOutage.among(new IllegalStateException("a bug")));
        assertFalse(DatabaseOutage.among(null));
    }
}
