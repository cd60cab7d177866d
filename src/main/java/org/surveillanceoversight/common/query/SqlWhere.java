package org.surveillanceoversight.common.query;

import jakarta.persistence.Query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * A WHERE clause built from validated filters, with named parameters. It binds them on a
 * native query, or, for COPY (which takes no parameters), writes them as literals: UUIDs,
 * numbers and booleans by value, text in dollar quotes with a tag the text does not contain.
 */
public final class SqlWhere {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new LinkedHashMap<>();

    public SqlWhere and(String condition) {
        conditions.add(condition);
        return this;
    }

    public SqlWhere and(String condition, String name, Object value) {
        conditions.add(condition);
        params.put(name, value);
        return this;
    }

    public SqlWhere param(String name, Object value) {
        params.put(name, value);
        return this;
    }

    public String sql() {
        return conditions.isEmpty() ? "true" : String.join(" and ", conditions);
    }

    public void bind(Query query) {
        params.forEach(query::setParameter);
    }

    /** A statement with its named parameters numbered ($1, $2, ...) for the reactive client, and their values in that order. */
    public record Positional(String sql, List<Object> values) {
    }

    /**
     * The statement around this clause with each named parameter as $n. Values must be scalars
     * or arrays (a collection, which only a JPA query expands, is refused).
     */
    public Positional positional(String statement) {
        List<Object> values = new ArrayList<>();
        // longest names first, so :vendor does not eat the start of :vendor_role
        List<String> names = params.keySet().stream().sorted((a, b) -> b.length() - a.length()).toList();
        String sql = statement;
        for (String name : names) {
            Object value = params.get(name);
            if (value instanceof Collection<?>) {
                throw new IllegalArgumentException(":" + name + " is a collection; bind an array instead");
            }
            values.add(value);
            // text is sent as text and converted by the statement's own cast (a cursor's timestamp, a UUID)
            sql = sql.replace(":" + name, "$" + values.size() + (value instanceof String ? "::text" : ""));
        }
        return new Positional(sql, values);
    }

    /** The clause with every parameter written in as a literal, for COPY. */
    public String inlined() {
        String sql = sql();
        // longest names first, so :vendor does not eat the start of :vendor_role
        List<String> names = params.keySet().stream().sorted((a, b) -> b.length() - a.length()).toList();
        for (String name : names) {
            sql = sql.replace(":" + name, literal(params.get(name)));
        }
        return sql;
    }

    static String literal(Object value) {
        if (value instanceof Object[] array) {
            return "array[" + Arrays.stream(array).map(SqlWhere::literal).collect(Collectors.joining(", ")) + "]";
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(SqlWhere::literal).collect(Collectors.joining(", "));
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof UUID id) {
            return "'" + id + "'::uuid";
        }
        if (value instanceof Enum<?> e) {
            return dollarQuoted(e.name());
        }
        if (value instanceof String text) {
            return dollarQuoted(text);
        }
        throw new IllegalArgumentException("no literal form for " + value.getClass().getSimpleName());
    }

    private static String dollarQuoted(String text) {
        String tag;
        do {
            tag = "$q" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE) + "$";
        } while (text.contains(tag));
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("text with a NUL character");
        }
        return tag + text + tag;
    }
}
