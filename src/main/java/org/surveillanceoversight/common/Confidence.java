package org.surveillanceoversight.common;

public enum Confidence {
    high, medium, low
}
