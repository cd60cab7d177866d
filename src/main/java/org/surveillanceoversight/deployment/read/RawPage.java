package org.surveillanceoversight.deployment.read;

import java.util.List;

/** A page whose items are already JSON (stored documents), for writing them out without re-parsing (the NDJSON export). */
public record RawPage(List<String> items, int limit, String nextCursor, String prevCursor) {
}
