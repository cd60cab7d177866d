package org.surveillanceoversight.common.query;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** A timestamptz from a native query, whichever Java type the driver and Hibernate hand back. */
public final class SqlTime {

    private SqlTime() {
    }

    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
