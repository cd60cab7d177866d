package org.surveillanceoversight.deployment.read;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The stored JSON of deployments (table deployment_document). A document is served only while
 * its revision equals the deployment's summary revision, which every relevant write raises
 * (V3); so a document is either current or ignored, on every replica.
 */
@ApplicationScoped
public class DeploymentDocuments {

    @Inject
    EntityManager em;

    /** What is known of a deployment before rendering: its revision, whether it is public, its current document if stored. */
    public record Entry(UUID id, long revision, String publication, String body) {

        boolean isPublic() {
            return !"draft".equals(publication);
        }
    }

    /** One statement: the revision and publication of each ID, with its document where it is current. */
    public Map<UUID, Entry> lookup(List<UUID> ids) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select s.deployment_id, s.revision, s.publication, d.body "
                        + "from deployment_summary s left join deployment_document d "
                        + "on d.deployment_id = s.deployment_id and d.revision = s.revision "
                        + "where s.deployment_id = any(cast(:ids as uuid[]))")
                .setParameter("ids", ids.toArray(UUID[]::new)).getResultList();
        Map<UUID, Entry> entries = new HashMap<>();
        for (Object[] r : rows) {
            UUID id = (UUID) r[0];
            entries.put(id, new Entry(id, ((Number) r[1]).longValue(), (String) r[2], (String) r[3]));
        }
        return entries;
    }

    /**
     * Stores rendered documents with the revisions read before rendering, in a transaction of its
     * own, never over a newer one. Best effort: on a read-only replica the next read renders again.
     */
    public void store(List<Entry> rendered) {
        if (rendered.isEmpty()) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                            "insert into deployment_document (deployment_id, revision, body) "
                                    + "select * from unnest(cast(:ids as uuid[]), cast(:revisions as bigint[]), cast(:bodies as text[])) "
                                    + "on conflict (deployment_id) do update set revision = excluded.revision, body = excluded.body "
                                    + "where deployment_document.revision < excluded.revision")
                    .setParameter("ids", rendered.stream().map(Entry::id).toArray(UUID[]::new))
                    .setParameter("revisions", rendered.stream().map(Entry::revision).toArray(Long[]::new))
                    .setParameter("bodies", rendered.stream().map(Entry::body).toArray(String[]::new))
                    .executeUpdate());
        } catch (RuntimeException e) {
            Log.debugf(e, "Could not store %d deployment documents; they will be rendered again", rendered.size());
        }
    }

    /** IDs of public deployments whose document is missing or stale, for the background renderer. */
    public List<UUID> stale(int limit) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("select s.deployment_id from deployment_summary s "
                        + "left join deployment_document d on d.deployment_id = s.deployment_id "
                        + "where s.publication <> 'draft' and (d.revision is null or d.revision <> s.revision) limit " + limit)
                .getResultList();
        return ids;
    }
}
