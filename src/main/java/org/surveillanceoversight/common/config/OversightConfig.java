package org.surveillanceoversight.common.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * Every {@code oversight.*} setting of the service, in one place, typed and checked at start
 * (README, "Configuration", lists them with their environment variables). The schedules
 * ({@code *-every}) are read by the scheduler from the same keys.
 */
@ConfigMapping(prefix = "oversight")
public interface OversightConfig {

    /** Where the embedded PostgreSQL keeps its files when no datasource URL is given. */
    Optional<String> dataDir();

    /** The first admin key's secret (only its hash is stored); none: create keys another way. */
    Optional<String> bootstrapAdminKey();

    Http http();

    RateLimit rateLimit();

    Documents documents();

    Seed seed();

    History history();

    Idempotency idempotency();

    Writes writes();

    Reference reference();

    Metrics metrics();

    interface Http {
        /** Cache-Control max-age of GET answers, in seconds. */
        @WithDefault("30")
        int maxAge();
    }

    interface RateLimit {
        boolean enabled();

        /** Requests per minute from one client address without a key. */
        int perAddress();

        /** Requests per minute with one API key. */
        int perKey();

        /** How often a replica adds its counts to the shared counters. */
        String syncEvery();
    }

    interface Documents {
        /** Memory for deployment documents kept by revision; default a quarter of the heap, 0 = off. */
        Optional<MemorySize> cacheSize();

        /** How often stale stored documents are rendered again in the background. */
        String renderEvery();
    }

    interface Seed {
        /** Load changed seed files at start. */
        @WithDefault("true")
        boolean enabled();
    }

    interface History {
        /** How often records without a revision get their first one. */
        String backfillEvery();
    }

    interface Writes {
        /**
         * Record writes that may run at once; more wait for a slot before they take a database
         * connection, so writers never hold the whole pool (keep it well under the pool's size).
         */
        @WithDefault("8")
        int concurrency();

        /** How long a write waits for a slot before it is refused with a 503 and Retry-After. */
        @WithDefault("10s")
        Duration waitFor();
    }

    interface Idempotency {
        /**
         * How long the answer to a create sent with an {@code Idempotency-Key} is kept: a retry within
         * this time gets that answer; after it, the key is free again and the answer is deleted.
         */
        @WithDefault("24h")
        Duration keepFor();

        /** How often expired answers are deleted. */
        @WithDefault("1m")
        String purgeEvery();
    }

    interface Reference {
        /** How often the country and capability codes are read again. */
        String refreshEvery();
    }

    interface Metrics {
        /** How often the gauges that need the database (submissions waiting) are read again. */
        String refreshEvery();
    }
}
