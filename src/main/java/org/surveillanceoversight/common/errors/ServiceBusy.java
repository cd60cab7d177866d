package org.surveillanceoversight.common.errors;

/**
 * The service could not get what a request needs from the database in time (a write slot, a
 * pooled connection) because it is overloaded: answered like an outage, a 503 with Retry-After,
 * and nothing was written.
 */
public class ServiceBusy extends RuntimeException {

    public ServiceBusy(String message) {
        super(message, null, false, false);
    }
}
