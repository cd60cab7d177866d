package org.surveillanceoversight.common.records;

/** How much of a date the source gives; the stored date is the first day of that period. */
public enum DatePrecision {
    day, month, year
}
