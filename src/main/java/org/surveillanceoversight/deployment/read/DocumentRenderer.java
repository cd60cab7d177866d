package org.surveillanceoversight.deployment.read;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Renders missing and stale deployment documents in the background, so reads after a write or
 * a bulk load find them ready. Reads never depend on it: a miss is rendered on the spot. One
 * replica works at a time (a transaction-scoped advisory lock).
 */
@ApplicationScoped
public class DocumentRenderer {

    static final int BATCH = 500;
    private static final long LOCK = 0x5EED_0002L;

    @Inject
    DeploymentService deployments;

    @Inject
    DeploymentDocuments documents;

    @Inject
    EntityManager em;

    @Scheduled(every = "${oversight.documents.render-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "5s")
    void renderInBackground() {
        renderStale(Duration.ofSeconds(2));
    }

    /** Renders stale documents in batches until none is left or the time is up; returns how many. */
    @ActivateRequestContext
    public int renderStale(Duration budget) {
        Instant deadline = Instant.now().plus(budget);
        int rendered = 0;
        while (Instant.now().isBefore(deadline)) {
            int batch = QuarkusTransaction.requiringNew().call(() -> {
                boolean mine = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(:key)")
                        .setParameter("key", LOCK).getSingleResult();
                if (!mine) {
                    return 0;
                }
                List<UUID> stale = documents.stale(BATCH);
                deployments.documents(stale);
                return stale.size();
            });
            em.clear();
            rendered += batch;
            if (batch < BATCH) {
                break;
            }
        }
        return rendered;
    }
}
