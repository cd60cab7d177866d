package org.surveillanceoversight.common.records;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * A date known to the day, month or year, written as ISO 8601 "2013-05-20", "2019-10" or
 * "2018". Stored as its first day plus the precision.
 */
public record PartialDate(LocalDate date, DatePrecision precision) {

    public static PartialDate parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return switch (text.length()) {
                case 4 -> new PartialDate(LocalDate.of(Integer.parseInt(text), 1, 1), DatePrecision.year);
                case 7 -> new PartialDate(LocalDate.parse(text + "-01"), DatePrecision.month);
                default -> new PartialDate(LocalDate.parse(text), DatePrecision.day);
            };
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD", e);
        }
    }

    /** The text form of a stored date and precision: "2018", "2019-10" or "2013-05-20"; null for none. */
    public static String format(LocalDate date, DatePrecision precision) {
        if (date == null) {
            return null;
        }
        return switch (precision) {
            case year -> String.valueOf(date.getYear());
            case month -> date.toString().substring(0, 7);
            case day -> date.toString();
        };
    }

    public static LocalDate dateOf(PartialDate value) {
        return value == null ? null : value.date();
    }

    public static DatePrecision precisionOf(PartialDate value) {
        return value == null ? null : value.precision();
    }
}
