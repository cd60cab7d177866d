package org.surveillanceoversight.common;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One keyset page over a table: rows strictly after the cursor's (sort key, id) in the given
 * order, one extra row fetched to know whether another page follows. The caller's SqlWhere
 * holds the filters; this adds the cursor condition and the order.
 */
public final class Keyset {

    /** The IDs of the page in order, and the cursors of the next and previous pages (null where there is none). */
    public record Slice<T>(List<T> ids, String nextCursor, String prevCursor) {
    }

    /**
     * @param from     the table and its alias, e.g. "vendor v"
     * @param id       the ID column, e.g. "v.id"
     * @param idType   its SQL type, e.g. "uuid" or "text"
     * @param key      the sort key expression, or null to sort by the ID alone
     * @param keyType  the key's SQL type, e.g. "text"
     * @param sortName the sort as the client named it, recorded in the cursor
     */
    public static <T> Slice<T> page(EntityManager em, String from, String id, String idType, String key, String keyType,
                                    String sortName, boolean descending, SqlWhere where, String cursorText, int limit) {
        Cursor at = Cursor.decode(cursorText, sortName);
        boolean backward = at != null && at.before();
        // a previous page is read in the opposite order from its first item, then turned round
        boolean reverse = descending != backward;
        String order = reverse ? "desc" : "asc";
        String comparison = reverse ? "<" : ">";
        if (at != null && key == null) {
            where.and(id + " " + comparison + " cast(:after_id as " + idType + ")", "after_id", at.lastId());
        } else if (at != null) {
            where.and("(" + key + ", " + id + ") " + comparison + " (cast(:after_key as " + keyType + "), cast(:after_id as "
                    + idType + "))", "after_key", at.lastKey()).param("after_id", at.lastId());
        }
        String orderBy = (key == null ? "" : key + " " + order + ", ") + id + " " + order;
        Query query = em.createNativeQuery("select " + id + ", " + (key == null ? "null" : key + "::text")
                + " from " + from + " where " + where.sql() + " order by " + orderBy + " limit " + (limit + 1));
        where.bind(query);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        boolean more = rows.size() > limit;
        List<Object[]> shown = new ArrayList<>(more ? rows.subList(0, limit) : rows);
        if (backward) {
            Collections.reverse(shown);
        }
        String next = null;
        String prev = null;
        if (!shown.isEmpty()) {
            Object[] first = shown.get(0);
            Object[] last = shown.get(shown.size() - 1);
            boolean laterPages = backward || more;
            boolean earlierPages = backward ? more : at != null;
            next = laterPages ? new Cursor(sortName, last[0].toString(), (String) last[1], false).encode() : null;
            prev = earlierPages ? new Cursor(sortName, first[0].toString(), (String) first[1], true).encode() : null;
        }
        @SuppressWarnings("unchecked")
        List<T> ids = shown.stream().map(r -> (T) r[0]).toList();
        return new Slice<>(ids, next, prev);
    }

    /** Rows loaded by the page's IDs (a database returns them in any order), put back in the page's order. */
    public static <T, I> List<T> inOrder(List<I> ids, List<T> rows, Function<T, I> idOf) {
        Map<I, T> byId = new HashMap<>();
        rows.forEach(row -> byId.put(idOf.apply(row), row));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    private Keyset() {
    }
}
