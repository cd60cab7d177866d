package org.surveillanceoversight.common.records;

import io.quarkus.arc.Arc;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;

import java.sql.SQLTransientConnectionException;
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
        try {
            refresh();
        } catch (RuntimeException e) {
            // the database is not reachable yet: the codes are read on first use (a request until then gets a 503)
            Log.warnf("Reference codes not read at start: %s", e.getMessage());
        }
    }

    @Scheduled(every = "${oversight.reference.refresh-every}", delayed = "1m", // after the start, which loads them once
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @ActivateRequestContext
    void refresh() {
        snapshot = new Snapshot(codes("select code from country"), codes("select code from capability"));
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s != null) {
            return s;
        }
        if (Context.isOnEventLoopThread()) {
            // not read at start (the database was down): read them on a worker, and answer this request 503
            Infrastructure.getDefaultWorkerPool().execute(() -> {
                try {
                    Arc.container().instance(ReferenceData.class).get().refresh();
                } catch (RuntimeException e) {
                    Log.debugf("Reference codes still not readable: %s", e.getMessage());
                }
            });
            throw new IllegalStateException("The reference codes are not loaded yet",
                    new SQLTransientConnectionException("the database was not reachable when they were last read"));
        }
        refresh();
        return snapshot;
    }

    @SuppressWarnings("unchecked")
    private Set<String> codes(String sql) {
        return Set.copyOf((List<String>) em.createNativeQuery(sql, String.class).getResultList());
    }
}
