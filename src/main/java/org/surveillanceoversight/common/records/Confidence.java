package org.surveillanceoversight.common.records;

public enum Confidence {
    high, medium, low
}
