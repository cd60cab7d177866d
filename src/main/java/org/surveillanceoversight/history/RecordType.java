package org.surveillanceoversight.history;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * A kind of record the history keeps. Each feature that has one implements it, and the history
 * finds them through CDI, so it knows no feature: only their names, tables and how they render.
 */
public interface RecordType {

    /** The name in revisions and the change feed: "deployment", "source", ... */
    String name();

    /** Kinds with a lower order come first when a client replays the feed (what a record references comes first). */
    int replayOrder();

    /** The table that holds one row per record, with its publication state. */
    default String table() {
        return name();
    }

    /** That table's column of the record's public ID. */
    default String idColumn() {
        return "id";
    }

    /** The records exactly as their GET shows them, by ID; drafts and unknown IDs are left out. */
    Map<UUID, ?> views(Collection<UUID> ids);

    /** Views keyed by their IDs, in the order given. */
    static <V> Map<UUID, V> byId(List<V> views, Function<V, UUID> id) {
        Map<UUID, V> byId = new LinkedHashMap<>();
        views.forEach(view -> byId.put(id.apply(view), view));
        return byId;
    }
}
