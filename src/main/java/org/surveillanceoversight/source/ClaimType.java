package org.surveillanceoversight.source;

/** The kinds of record that make claims and so must cite a source; each is its table's name. */
public enum ClaimType {
    deployment, deployment_vendor, status_event, camera_count, deployment_capability, financing,
    oversight_criterion, vendor, vendor_restriction, finding
}
