package org.surveillanceoversight.export;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Proactive content negotiation (RFC 9110 12.5.1): each offer gets the q-value of the most specific
 * Accept range that matches it; the highest non-zero one wins, the first offer on a tie. No Accept
 * header accepts anything.
 */
final class Negotiation {

    /** Names a client may use for a type that has no registered one. */
    private static final List<List<String>> SYNONYMS = List.of(List.of("application/x-ndjson", "application/ndjson"));

    private Negotiation() {
    }

    static <T> Optional<T> choose(String accept, List<T> offers, Function<T, String> mediaType) {
        if (accept == null || accept.isBlank()) {
            return offers.stream().findFirst();
        }
        String[] ranges = accept.split(",");
        T best = null;
        double bestQ = 0;
        for (T offer : offers) {
            double q = quality(ExportRows.bare(mediaType.apply(offer)).toLowerCase(Locale.ROOT), ranges);
            if (q > bestQ) {
                best = offer;
                bestQ = q;
            }
        }
        return Optional.ofNullable(best);
    }

    private static double quality(String offered, String[] ranges) {
        int specificity = -1;
        double q = 0;
        for (String range : ranges) {
            String[] parts = range.trim().split(";");
            String type = parts[0].trim().toLowerCase(Locale.ROOT);
            int match = type.equals("*/*") ? 0
                    : type.endsWith("/*") && offered.startsWith(type.substring(0, type.length() - 1)) ? 1
                    : same(type, offered) ? 2 : -1;
            if (match > specificity) {
                specificity = match;
                q = qValue(parts);
            }
        }
        return q;
    }

    private static boolean same(String asked, String offered) {
        return asked.equals(offered)
                || SYNONYMS.stream().anyMatch(names -> names.contains(asked) && names.contains(offered));
    }

    private static double qValue(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            if (parameter.startsWith("q=")) {
                try {
                    double q = Double.parseDouble(parameter.substring(2));
                    return q >= 0 && q <= 1 ? q : 0;
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
