package org.surveillanceoversight.common.records;

/** How a source qualifies a figure: "4,100" is exact, "over 60" is over, "about 900" approximately. */
public enum Qualifier {
    exact, at_least, over, approximately, planned, projected
}
