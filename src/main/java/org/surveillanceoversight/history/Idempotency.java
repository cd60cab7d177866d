package org.surveillanceoversight.history;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.surveillanceoversight.auth.Caller;
import org.surveillanceoversight.common.config.OversightConfig;
import org.surveillanceoversight.common.errors.ApiProblem;
import org.surveillanceoversight.common.errors.FieldError;
import org.surveillanceoversight.common.http.Written;
import org.surveillanceoversight.common.records.Sha256;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Idempotency-Key for POST, inside the write's own transaction: the key is claimed first (a
 * concurrent retry waits on it), the response is stored with the write, and a retry with the same
 * body gets the stored response; the same key with another body is a 422. Answers are kept for
 * {@code oversight.idempotency.keep-for}: an older one no longer counts (its key is free again,
 * whether or not the purge has deleted it yet), and the purge deletes them.
 */
@ApplicationScoped
public class Idempotency {

    @Inject
    EntityManager em;

    @Inject
    OversightConfig config;

    public record Stored(int status, String location, String body) {
    }

    /** The Idempotency-Key header as given (null when absent); 400 unless 1 to 200 characters. */
    public static String checkKey(String header) {
        if (header != null && (header.isBlank() || header.length() > 200)) {
            throw ApiProblem.badRequest("invalid-header", "Invalid header", "Idempotency-Key must be 1 to 200 characters.",
                    new FieldError("Idempotency-Key", "must be 1 to 200 characters"));
        }
        return header;
    }

    /**
     * Runs a create once per key: without a key it simply runs; with one, a retry of the same
     * request gets the first response and writes nothing (see claim).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Written once(Caller caller, String key, String request, Supplier<Written> write) {
        if (key == null) {
            return write.get();
        }
        Optional<Stored> earlier = claim(caller, key, Sha256.hex(request));
        if (earlier.isPresent()) {
            Stored first = earlier.get();
            return new Written(first.status(), first.location(), first.body(), null);
        }
        Written written = write.get();
        record(caller, key, new Stored(written.status(), written.location(), written.body()));
        return written;
    }

    /** Claims the key, or returns the response already given for it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Stored> claim(Caller caller, String key, String requestSha256) {
        // an expired answer is taken over as if it were not there; a live one is left alone
        int claimed = em.createNativeQuery("insert into idempotency_record (api_key_id, key, request_sha256) "
                        + "values (:caller, :key, :sha) on conflict (api_key_id, key) do update "
                        + "set request_sha256 = excluded.request_sha256, status = null, location = null, body = null, created_at = now() "
                        + "where idempotency_record.created_at < now() - make_interval(secs => :keep)")
                .setParameter("caller", caller.keyId()).setParameter("key", key).setParameter("sha", requestSha256)
                .setParameter("keep", keepSeconds()).executeUpdate();
        if (claimed == 1) {
            return Optional.empty();
        }
        Object[] row = (Object[]) em.createNativeQuery("select request_sha256, status, location, body "
                        + "from idempotency_record where api_key_id = :caller and key = :key")
                .setParameter("caller", caller.keyId()).setParameter("key", key).getSingleResult();
        if (!requestSha256.equals(row[0])) {
            throw new ApiProblem("idempotency-key-reused", "Idempotency key reused", 422,
                    "This Idempotency-Key was used for a different request; use a new key for a new request.",
                    List.of(new FieldError("Idempotency-Key", "was used with another body")));
        }
        return Optional.of(new Stored(((Number) row[1]).intValue(), (String) row[2], (String) row[3]));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Caller caller, String key, Stored response) {
        em.createNativeQuery("update idempotency_record set status = :status, location = :location, body = :body "
                        + "where api_key_id = :caller and key = :key")
                .setParameter("status", response.status()).setParameter("location", response.location())
                .setParameter("body", response.body()).setParameter("caller", caller.keyId()).setParameter("key", key)
                .executeUpdate();
    }

    /** Deletes the answers older than keep-for; returns how many. */
    @Transactional
    public int purgeExpired() {
        return em.createNativeQuery("delete from idempotency_record where created_at < now() - make_interval(secs => :keep)")
                .setParameter("keep", keepSeconds()).executeUpdate();
    }

    @Scheduled(every = "${oversight.idempotency.purge-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        try {
            int deleted = purgeExpired();
            Log.debugf("Deleted %d expired idempotency answers", deleted);
        } catch (RuntimeException e) {
            Log.debugf(e, "Could not delete expired idempotency answers; trying again at the next run");
        }
    }

    private double keepSeconds() {
        return config.idempotency().keepFor().toMillis() / 1000.0;
    }
}
