package org.surveillanceoversight.history;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Starts the history of records that have none: those of a database created before the history
 * existed, or written by SQL outside the API. In the background, in batches, so a start is never
 * held up; once every record has a revision each run is one cheap query per kind.
 */
@ApplicationScoped
public class HistoryBackfill {

    static final int BATCH = 500;

    @Inject
    History history;

    @Inject
    EntityManager em;

    @Scheduled(every = "${oversight.history.backfill-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "10s")
    void inBackground() {
        int total = backfillAll();
        QuarkusTransaction.requiringNew().call(history::forgetEndedWrites);
        if (total > 0) {
            Log.infof("Started the history of %d records that had none", total);
        }
    }

    /** Backfills until no record is without a revision; returns how many revisions were appended. */
    @ActivateRequestContext
    public int backfillAll() {
        int total = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> history.backfill(BATCH));
            em.clear();
            total += batch;
        } while (batch > 0);
        return total;
    }
}
