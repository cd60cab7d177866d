package org.surveillanceoversight.common.http;

import io.smallrye.mutiny.Uni;
import org.surveillanceoversight.common.database.ReadReplica;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The registry's data version: a counter every committed write raises (table data_version,
 * raised once per writing transaction at its commit, by triggers: V2, V8). The same on every
 * replica, so ETags and caches built on it agree.
 */
@ApplicationScoped
public class DataVersion {

    @Inject
    EntityManager em;

    @Inject
    ReadReplica replica;

    /** The version without blocking, for the event loop (the reactive client). */
    public Uni<Long> currentAsync() {
        return replica.readPool().query("select version from data_version").execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** The version, and whether the current transaction has writes of its own that will raise it at commit. */
    public record Seen(long version, boolean ownWrites) {
    }

    public Seen seen() {
        if (ReadReplica.REPLICA.equals(replica.route())) {
            // a standby has no transactions that write, and cannot read the unlogged table that tracks them
            return new Seen(((Number) em.createNativeQuery("select version from data_version").getSingleResult()).longValue(), false);
        }
        Object[] row = (Object[]) em.createNativeQuery("select version, exists (select 1 from data_version_pending "
                + "where tx = pg_current_xact_id_if_assigned()) from data_version").getSingleResult();
        return new Seen(((Number) row[0]).longValue(), (Boolean) row[1]);
    }
}
