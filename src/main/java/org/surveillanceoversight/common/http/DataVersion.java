package org.surveillanceoversight.common.http;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.pgclient.PgPool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The registry's data version: a counter every committed write raises (table data_version,
 * raised by triggers). The same on every replica, so ETags and caches built on it agree.
 */
@ApplicationScoped
public class DataVersion {

    @Inject
    EntityManager em;

    @Inject
    PgPool client;

    /** The version without blocking, for the event loop (the reactive client). */
    public Uni<Long> currentAsync() {
        return client.query("select version from data_version").execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    public long current() {
        return ((Number) em.createNativeQuery("select version from data_version").getSingleResult()).longValue();
    }
}
