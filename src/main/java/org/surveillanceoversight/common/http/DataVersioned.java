package org.surveillanceoversight.common.http;

/**
 * A response body computed at a known data version (stats): its ETag is made from that version,
 * so the tag always matches the body and no second query is needed for it.
 */
public interface DataVersioned {

    long dataVersion();
}
