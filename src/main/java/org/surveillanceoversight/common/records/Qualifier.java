package org.surveillanceoversight.common.records;

import java.util.EnumSet;
import java.util.Set;

/**
 * How a source qualifies a figure: "4,100" is exact, "over 60" is over, "about 900" approximately,
 * "6,200-7,000" a range (a camera total only: the figure is its lower end, {@code total_upper} its upper end).
 * {@code projected} is for forecasts in findings.
 */
public enum Qualifier {
    exact, at_least, over, approximately, planned, projected, range;

    /** The qualifiers a camera count's or a financing's figure may carry (no forecast, and a range only where its upper end is). */
    public static final Set<Qualifier> OF_COUNTS_AND_AMOUNTS = EnumSet.of(exact, at_least, over, approximately, planned);
}
