package org.surveillanceoversight.common.query;

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

        public <U> Slice<U> map(Function<T, U> f) {
            return new Slice<>(ids.stream().map(f).toList(), nextCursor, prevCursor);
        }
    }

    /**
     * The page query, not yet run: its SQL selects the ID, the sort key as text, then any extra
     * columns; the rows it returns make a slice with {@link #slice}.
     */
    public record Plan(String sql, SqlWhere where, Cursor at, String sortName, int limit) {

        boolean backward() {
            return at != null && at.before();
        }
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
        Plan plan = plan(from, id, idType, key, keyType, sortName, descending, where, cursorText, limit, "");
        Query query = em.createNativeQuery(plan.sql());
        plan.where().bind(query);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return slice(plan, rows, r -> r[0], r -> (String) r[1]).map(Keyset::<T>id);
    }

    /** The page query (see {@link #page}); {@code extraColumns} are appended to the select list, e.g. ", s.revision". */
    public static Plan plan(String from, String id, String idType, String key, String keyType, String sortName,
                            boolean descending, SqlWhere where, String cursorText, int limit, String extraColumns) {
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
        String sql = "select " + id + ", " + (key == null ? "null" : key + "::text") + extraColumns
                + " from " + from + " where " + where.sql() + " order by " + orderBy + " limit " + (limit + 1);
        return new Plan(sql, where, at, sortName, limit);
    }

    /** The rows of a plan's query (one more than the page when another follows) as a page in order, with its cursors. */
    public static <R> Slice<R> slice(Plan plan, List<R> rows, Function<R, Object> idOf, Function<R, String> keyOf) {
        boolean more = rows.size() > plan.limit();
        List<R> shown = new ArrayList<>(more ? rows.subList(0, plan.limit()) : rows);
        boolean backward = plan.backward();
        if (backward) {
            Collections.reverse(shown);
        }
        String next = null;
        String prev = null;
        if (!shown.isEmpty()) {
            R first = shown.get(0);
            R last = shown.get(shown.size() - 1);
            boolean laterPages = backward || more;
            boolean earlierPages = backward ? more : plan.at() != null;
            next = laterPages ? new Cursor(plan.sortName(), idOf.apply(last).toString(), keyOf.apply(last), false).encode() : null;
            prev = earlierPages ? new Cursor(plan.sortName(), idOf.apply(first).toString(), keyOf.apply(first), true).encode() : null;
        }
        return new Slice<>(List.copyOf(shown), next, prev);
    }

    @SuppressWarnings("unchecked")
    private static <T> T id(Object[] row) {
        return (T) row[0];
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
