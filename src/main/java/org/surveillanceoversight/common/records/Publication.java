package org.surveillanceoversight.common.records;

/** Where a record stands: a draft is not public yet, a retraction stays readable with its reason. */
public enum Publication {
    draft, published, retracted
}
