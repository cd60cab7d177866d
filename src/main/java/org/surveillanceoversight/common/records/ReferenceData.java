package org.surveillanceoversight.common.records;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Set;

/**
 * The valid country and capability codes, for validating filters without a query per request.
 * Loaded at start (after the seed) and refreshed in the background (oversight.reference.refresh-every),
 * so a read on the event loop never waits for the database.
 */
@ApplicationScoped
public class ReferenceData {

    public static final String ISO_COUNTRY = "an ISO 3166-1 alpha-2 country code in capitals, such as UA";

    @Inject
    EntityManager em;

    private volatile Snapshot snapshot;

    private record Snapshot(Set<String> countries, Set<String> capabilities) {
    }

    public Set<String> countryCodes() {
        return current().countries();
    }

    public Set<String> capabilityCodes() {
        return current().capabilities();
    }

    /** After the seed has loaded (observers of lower priority run first), which is where the countries come from. */
    @ActivateRequestContext
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) StartupEvent event) {
        refresh();
    }

    @Scheduled(every = "${oversight.reference.refresh-every}", delayed = "1m", // after the start, which loads them once
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @ActivateRequestContext
    void refresh() {
        snapshot = new Snapshot(codes("select code from country"), codes("select code from capability"));
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null) {
            refresh();
            s = snapshot;
        }
        return s;
    }

    @SuppressWarnings("unchecked")
    private Set<String> codes(String sql) {
        return Set.copyOf((List<String>) em.createNativeQuery(sql, String.class).getResultList());
    }
}
