package org.surveillanceoversight.common.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.surveillanceoversight.common.config.OversightConfig;
import org.surveillanceoversight.common.errors.Problem;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rate limits per client address and per API key, in fixed one-minute windows whose counters
 * live in PostgreSQL (table rate_limit_window), so every replica counts the same hits.
 *
 * <p>A request is decided on the event loop without waiting for the database: each replica adds
 * its own hits since the last sync to the shared total it last read, and every second writes its
 * new hits to the table and reads the totals back. Across replicas a client may therefore get up
 * to one second of extra requests; on one replica the count is exact.
 *
 * <p>Addresses and keys are kept only as keyed hashes (HMAC with a secret made at the first start
 * and stored in the database), and only for the current window and the one before it (a replica
 * whose clock is up to a minute behind still finds its window), so the table stays as small as
 * the number of clients in two minutes.
 */
@ApplicationScoped
public class RateLimiter {
    private static final long WINDOW_SECONDS = 60;
    /** Beyond this many key buckets in one window, made-up keys only count against their address. */
    private static final int MAX_BUCKETS = 100_000;

    @Inject
    OversightConfig config;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private volatile byte[] secret;

    /** Hits in one bucket in one window: the shared total last read, plus this replica's hits not yet written. */
    static final class Counter {
        final long window;
        volatile long shared;
        final AtomicLong pending = new AtomicLong();

        Counter(long window) {
            this.window = window;
        }

        long count() {
            return shared + pending.get();
        }
    }

    void onStart(@Observes StartupEvent event) {
        if (config.rateLimit().enabled()) {
            try {
                secret = QuarkusTransaction.requiringNew().call(this::loadSecret);
            } catch (RuntimeException e) {
                Log.warnf(e, "Rate limits are off: their shared secret could not be read or made");
            }
        }
    }

    void install(@Observes Router router) {
        router.route("/api/*").order(Integer.MIN_VALUE + 1).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        if (!config.rateLimit().enabled() || secret == null) {
            ctx.next();
            return;
        }
        long now = Instant.now().getEpochSecond();
        long window = now - now % WINDOW_SECONDS;
        long reset = window + WINDOW_SECONDS - now;
        String address = ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().host();
        Decision decision = hit("a:" + Hmac.hex(secret, address), window, config.rateLimit().perAddress(), true);
        String authorization = ctx.request().getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Decision byKey = hit("k:" + Hmac.hex(secret, authorization.substring(7).trim()), window, config.rateLimit().perKey(),
                    counters.size() < MAX_BUCKETS);
            decision = byKey.remaining() < decision.remaining() || !byKey.allowed() ? byKey : decision;
        }
        ctx.response().putHeader("RateLimit-Limit", String.valueOf(decision.limit()))
                .putHeader("RateLimit-Remaining", String.valueOf(Math.max(0, decision.remaining())))
                .putHeader("RateLimit-Reset", String.valueOf(reset));
        if (decision.allowed()) {
            ctx.next();
            return;
        }
        try {
            Problem problem = Problem.of("rate-limited", "Too Many Requests", 429,
                    "More than " + decision.limit() + " requests a minute; try again in " + reset + " seconds.",
                    ctx.request().path(), List.of());
            ctx.response().setStatusCode(429).putHeader("Retry-After", String.valueOf(reset))
                    .putHeader("Content-Type", Problem.MEDIA_TYPE).end(json.writeValueAsString(problem));
        } catch (Exception e) {
            ctx.fail(429);
        }
    }

    private record Decision(boolean allowed, int limit, long remaining) {
    }

    private Decision hit(String bucket, long window, int limit, boolean mayCreate) {
        Counter counter = counters.get(bucket);
        if (counter == null || counter.window != window) {
            if (!mayCreate) {
                return new Decision(true, limit, limit);
            }
            counter = counters.compute(bucket, (k, old) -> old != null && old.window == window ? old : new Counter(window));
        }
        if (counter.count() >= limit) {
            return new Decision(false, limit, 0);
        }
        long count = counter.pending.incrementAndGet() + counter.shared;
        return new Decision(count <= limit, limit, limit - count);
    }

    /** Writes this replica's new hits to the shared table and reads the totals back; drops old windows. */
    @Scheduled(every = "${oversight.rate-limit.sync-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @ActivateRequestContext
    void sync() {
        if (!config.rateLimit().enabled() || secret == null) {
            return;
        }
        long now = Instant.now().getEpochSecond();
        long current = now - now % WINDOW_SECONDS;
        counters.entrySet().removeIf(e -> e.getValue().window < current);
        List<String> buckets = new ArrayList<>();
        List<Long> deltas = new ArrayList<>();
        List<Counter> synced = new ArrayList<>();
        counters.forEach((bucket, counter) -> {
            buckets.add(bucket);
            deltas.add(counter.pending.get());
            synced.add(counter);
        });
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                // old windows go even when this replica saw no request, so no hash outlives its promise
                em.createNativeQuery("delete from rate_limit_window where window_start < to_timestamp(:before)")
                        .setParameter("before", current - WINDOW_SECONDS).executeUpdate();
                if (buckets.isEmpty()) {
                    return;
                }
                @SuppressWarnings("unchecked")
                List<Object[]> rows = em.createNativeQuery("insert into rate_limit_window (bucket, window_start, hits) "
                                + "select b, to_timestamp(:window), d from unnest(cast(:buckets as text[]), cast(:deltas as bigint[])) as t(b, d) "
                                + "on conflict (bucket, window_start) do update set hits = rate_limit_window.hits + excluded.hits "
                                + "returning bucket, hits")
                        .setParameter("window", current).setParameter("buckets", buckets.toArray(String[]::new))
                        .setParameter("deltas", deltas.toArray(Long[]::new)).getResultList();
                Map<String, Long> totals = new HashMap<>();
                rows.forEach(r -> totals.put((String) r[0], ((Number) r[1]).longValue()));
                for (int i = 0; i < synced.size(); i++) {
                    Counter counter = synced.get(i);
                    Long total = totals.get(buckets.get(i));
                    if (total != null) {
                        // the hits written are now in the shared total; hits since then stay pending
                        counter.pending.addAndGet(-deltas.get(i));
                        counter.shared = total;
                    }
                }
            });
        } catch (RuntimeException e) {
            Log.debugf(e, "Could not sync rate-limit counters; they stay local until the next try");
        }
    }

    private byte[] loadSecret() {
        em.createNativeQuery("insert into rate_limit_secret (id, secret) values (1, :secret) on conflict do nothing")
                .setParameter("secret", Hmac.randomHex(32)).executeUpdate();
        String hex = (String) em.createNativeQuery("select secret from rate_limit_secret where id = 1").getSingleResult();
        return HexFormat.of().parseHex(hex);
    }

    /** HMAC-SHA-256, so a stored bucket name does not reveal the address or key it counts. */
    static final class Hmac {

        private static final ThreadLocal<javax.crypto.Mac> MAC = ThreadLocal.withInitial(() -> {
            try {
                return javax.crypto.Mac.getInstance("HmacSHA256");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });

        private Hmac() {
        }

        static String hex(byte[] secret, String value) {
            try {
                javax.crypto.Mac mac = MAC.get();
                mac.init(new javax.crypto.spec.SecretKeySpec(secret, "HmacSHA256"));
                return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)))
                        .substring(0, 32);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        static String randomHex(int bytes) {
            byte[] random = new byte[bytes];
            new SecureRandom().nextBytes(random);
            return HexFormat.of().formatHex(random);
        }
    }
}
