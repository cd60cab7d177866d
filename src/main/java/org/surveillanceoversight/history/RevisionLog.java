package org.surveillanceoversight.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.surveillanceoversight.auth.Caller;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The append-only history: every write records who (the key's ID, never its secret), when,
 * why, and the record before and after, in the same transaction as the write.
 */
@ApplicationScoped
public class RevisionLog {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    public record RevisionView(long id, String entityType, String entityId, int version, String actor,
                               Instant recordedAt, String reason, Object change) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(String entityType, UUID entityId, int version, Caller actor, String reason, Object before,
                       Object after) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("before", before);
        change.put("after", after);
        try {
            em.createNativeQuery("insert into revision (entity_type, entity_id, version, actor, reason, change) "
                            + "values (:type, :id, :version, :actor, :reason, cast(:change as jsonb))")
                    .setParameter("type", entityType).setParameter("id", entityId.toString())
                    .setParameter("version", version).setParameter("actor", "api_key:" + actor.keyId())
                    .setParameter("reason", reason).setParameter("change", json.writeValueAsString(change))
                    .executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A record's revisions, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RevisionView> of(String entityType, UUID entityId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, entity_type, entity_id, version, actor, recorded_at, "
                        + "reason, change::text from revision where entity_type = :type and entity_id = :id order by id")
                .setParameter("type", entityType).setParameter("id", entityId.toString()).getResultList();
        return rows.stream().map(r -> {
            try {
                return new RevisionView(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                        ((Number) r[3]).intValue(), (String) r[4], toInstant(r[5]), (String) r[6],
                        json.readValue((String) r[7], Object.class));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
