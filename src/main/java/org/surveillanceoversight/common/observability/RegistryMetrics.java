package org.surveillanceoversight.common.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import io.quarkus.runtime.StartupEvent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.jboss.logging.Logger;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The registry's own meters, beside Micrometer's HTTP, pool and JVM ones at /q/metrics:
 * {@code oversight_record_writes_total} (committed writes by record type and action, the seed's
 * included) and {@code oversight_submissions_waiting} (submissions no reviewer has decided yet,
 * read from the database every {@code oversight.metrics.refresh-every}, so a scrape never waits
 * for the database). Each committed write that a caller made also gets one log line, with the
 * request id of the request that made it (no key, no address).
 */
@ApplicationScoped
public class RegistryMetrics {

    private static final Logger LOG = Logger.getLogger(RegistryMetrics.class);

    @Inject
    MeterRegistry registry;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    EntityManager em;

    private final AtomicLong submissionsWaiting = new AtomicLong();

    void register(@Observes StartupEvent event) {
        Gauge.builder("oversight.submissions.waiting", submissionsWaiting, AtomicLong::get)
                .description("Submissions (tips and corrections) waiting for a reviewer, as last read")
                .register(registry);
    }

    /**
     * Counts the write, and logs it when a caller (not the seed) made it, once its transaction has
     * committed: a write that rolls back is neither counted nor logged.
     */
    public void written(String type, String action, UUID id, long revision, boolean bySeed) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    return;
                }
                Counter.builder("oversight.record.writes").description("Committed record writes, by record type and action")
                        .tag("type", type).tag("action", action).register(registry).increment();
                if (!bySeed) {
                    LOG.infof("Committed %s of %s %s at revision %d", action, type, id, revision);
                }
            }
        });
    }

    /** Reads how many submissions wait for a reviewer. */
    @Scheduled(every = "${oversight.metrics.refresh-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @ActivateRequestContext
    public void refresh() {
        try {
            submissionsWaiting.set(QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                    "select count(*) from submission where state = 'pending'").getSingleResult()).longValue()));
        } catch (RuntimeException e) {
            // the database is away: keep the last figure; readiness and the 503s say what is wrong
            LOG.debugf("Submissions waiting not read: %s", e.getMessage());
        }
    }

    /** The figure the gauge shows now. */
    public long submissionsWaiting() {
        return submissionsWaiting.get();
    }
}
