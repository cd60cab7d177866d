package org.surveillanceoversight.common.errors;

/** One field-level error in a problem response: which field (or parameter) and what is wrong with it. */
public record FieldError(String field, String message) {
}
