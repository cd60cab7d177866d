package org.surveillanceoversight.common.query;

import org.surveillanceoversight.common.errors.ApiProblem;
import org.surveillanceoversight.common.errors.FieldError;
import jakarta.ws.rs.core.MultivaluedMap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads query parameters strictly: repeated or comma-separated values, typed parsing, and
 * every mistake (unknown parameter, bad value) collected as a field error, so one 400 names
 * them all.
 */
public final class QueryParams {

    private final MultivaluedMap<String, String> raw;
    private final List<FieldError> errors = new ArrayList<>();

    public QueryParams(MultivaluedMap<String, String> raw, Collection<String> allowed) {
        this.raw = raw;
        Set<String> unknown = new TreeSet<>(raw.keySet());
        unknown.removeAll(allowed);
        for (String name : unknown) {
            errors.add(new FieldError(name, "is not a parameter here; allowed: " + String.join(", ", new TreeSet<>(allowed))));
        }
        // PostgreSQL text cannot hold NUL: refused here, as a 400, instead of failing in the database
        for (String name : new TreeSet<>(raw.keySet())) {
            if (allowed.contains(name) && raw.get(name).stream().anyMatch(v -> v != null && v.indexOf('\u0000') >= 0)) {
                errors.add(new FieldError(name, "must not contain the NUL character"));
            }
        }
    }

    /** The values the query string gives for a name (the overloads that take values read a @QueryParam field instead). */
    private List<String> given(String name) {
        return raw.getOrDefault(name, List.of());
    }

    public List<String> strings(String name) {
        return strings(name, given(name));
    }

    /** Repeated or comma-separated values, trimmed, empty ones dropped. */
    public List<String> strings(String name, List<String> given) {
        List<String> values = new ArrayList<>();
        for (String value : given == null ? List.<String>of() : given) {
            Arrays.stream(value.split(",")).map(String::trim).filter(v -> !v.isEmpty()).forEach(values::add);
        }
        return values;
    }

    public String string(String name) {
        return string(name, given(name));
    }

    /** A parameter that may be given once. */
    public String string(String name, List<String> given) {
        List<String> values = given == null ? List.of() : given;
        if (values.size() > 1) {
            errors.add(new FieldError(name, "may be given once"));
        }
        return values.isEmpty() || values.get(0).isBlank() ? null : values.get(0);
    }

    public <T> List<T> values(String name, Function<String, T> parse, String expected) {
        return values(name, given(name), parse, expected);
    }

    public <T> List<T> values(String name, List<String> given, Function<String, T> parse, String expected) {
        List<T> parsed = new ArrayList<>();
        for (String value : strings(name, given)) {
            try {
                parsed.add(parse.apply(value));
            } catch (RuntimeException e) {
                errors.add(new FieldError(name, "'" + value + "' is not " + expected));
            }
        }
        return parsed;
    }

    public <E extends Enum<E>> List<E> enums(String name, Class<E> type) {
        return enums(name, given(name), type);
    }

    public <E extends Enum<E>> List<E> enums(String name, List<String> given, Class<E> type) {
        List<String> allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        return values(name, given, v -> Enum.valueOf(type, v), "one of " + String.join(", ", allowed));
    }

    public List<String> oneOf(String name, Collection<String> allowed) {
        return oneOf(name, given(name), allowed, "one of " + String.join(", ", new TreeSet<>(allowed)));
    }

    public List<String> oneOf(String name, Collection<String> allowed, String expected) {
        return oneOf(name, given(name), allowed, expected);
    }

    public List<String> oneOf(String name, List<String> given, Collection<String> allowed) {
        return oneOf(name, given, allowed, "one of " + String.join(", ", new TreeSet<>(allowed)));
    }

    /** Values that must be in a set, described as `expected` in errors (for sets too long to list). */
    public List<String> oneOf(String name, List<String> given, Collection<String> allowed, String expected) {
        return values(name, given, v -> {
            if (!allowed.contains(v)) {
                throw new IllegalArgumentException();
            }
            return v;
        }, expected);
    }

    public List<UUID> ids(String name, List<String> given) {
        return values(name, given, v -> PublicIdText.parse(v), "a UUID");
    }

    public Integer integer(String name, int min, int max) {
        return integer(name, given(name), min, max);
    }

    public Integer integer(String name, List<String> given, int min, int max) {
        String value = string(name, given);
        if (value == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        errors.add(new FieldError(name, "must be a whole number from " + min + " to " + max));
        return null;
    }

    public Boolean bool(String name) {
        return bool(name, given(name));
    }

    public Boolean bool(String name, List<String> given) {
        String value = string(name, given);
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase()) {
            case "true", "yes" -> Boolean.TRUE;
            case "false", "no" -> Boolean.FALSE;
            default -> {
                errors.add(new FieldError(name, "must be true or false"));
                yield null;
            }
        };
    }

    public void error(String name, String message) {
        errors.add(new FieldError(name, message));
    }

    /** Throws one 400 naming every bad parameter, if there is any. */
    public void check() {
        if (!errors.isEmpty()) {
            throw new ApiProblem("invalid-parameter", "Invalid parameter", 400,
                    "Some query parameters are not valid; see errors.", errors);
        }
    }

    /** UUID parsing that rejects the short forms UUID accepts ("1-2-3-4-5"). */
    private static final class PublicIdText {
        static UUID parse(String text) {
            if (text.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(text);
        }
    }
}
