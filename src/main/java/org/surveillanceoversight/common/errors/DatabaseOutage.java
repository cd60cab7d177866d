package org.surveillanceoversight.common.errors;

import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Locale;

/**
 * Tells a failure that means "the database cannot be reached right now" from every other one, so
 * that the caller gets a 503 with Retry-After instead of a 500: the request was not served, and
 * the same request, sent again later (a write with its Idempotency-Key), will be.
 */
public final class DatabaseOutage {

    /** Seconds a client should wait before retrying: the pool re-validates connections within this time. */
    public static final int RETRY_AFTER_SECONDS = 2;

    private DatabaseOutage() {
    }

    /**
     * True when the failure, one of its causes or one of their suppressed exceptions is a lost or
     * refused database connection (a commit that failed as the server died shows it only there).
     */
    public static boolean among(Throwable failure) {
        return among(failure, 0);
    }

    private static boolean among(Throwable failure, int depth) {
        if (failure == null || depth > 20) {
            return false;
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            if (among(suppressed, depth + 1)) {
                return true;
            }
        }
        if (lost(failure)) {
            return true;
        }
        return failure.getCause() != failure && among(failure.getCause(), depth + 1);
    }

    private static boolean lost(Throwable t) {
        if (t instanceof SQLException sql && connectionLost(sql)) {
            return true;
        }
        if (t instanceof ServiceBusy || t instanceof ConnectException || t instanceof SocketException
                || t instanceof org.hibernate.exception.JDBCConnectionException) {
            return true;
        }
        String name = t.getClass().getSimpleName();
        // the reactive client's closed or refused connections
        if (name.equals("ClosedConnectionException") || name.equals("NoStackTraceThrowable")
                && String.valueOf(t.getMessage()).contains("Connection")) {
            return true;
        }
        return t.getClass().getName().equals("io.vertx.pgclient.PgException") && sqlStateLost(sqlState(t));
    }

    private static boolean connectionLost(SQLException e) {
        if (e instanceof SQLTransientConnectionException || sqlStateLost(e.getSQLState())) {
            return true;
        }
        // the pool gave up waiting for a connection: none could be made, or every one stayed busy
        // (Agroal says "Sorry, acquisition timeout!" or "Acquisition timeout while waiting for new connection")
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return message.contains("acquisition timeout") || message.contains("unable to acquire jdbc connection");
    }

    /**
     * SQLSTATE class 08 (connection exception), 57P0x (the server is shutting down, crashed or starting)
     * and 25006 (a read-only transaction: the server is a standby, so the primary is elsewhere or gone).
     */
    private static boolean sqlStateLost(String state) {
        return state != null && (state.startsWith("08") || List.of("57P01", "57P02", "57P03", "25006").contains(state));
    }

    private static String sqlState(Throwable pgException) {
        try {
            return (String) pgException.getClass().getMethod("getSqlState").invoke(pgException);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    /** The problem a caller gets for an outage: a 503, with RETRY_AFTER_SECONDS in Retry-After. */
    public static Problem problem(String path) {
        return Problem.of("database-unavailable", "Service Unavailable", 503,
                "The database cannot be reached right now, or no connection to it became free in time, so the request "
                        + "was not served. Send it again after "
                        + RETRY_AFTER_SECONDS + " seconds; a write that got this answer was not confirmed: send it again "
                        + "with the same Idempotency-Key (or If-Match), and it is applied exactly once.", path, List.of());
    }
}
