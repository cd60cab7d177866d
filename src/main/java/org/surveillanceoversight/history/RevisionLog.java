package org.surveillanceoversight.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.surveillanceoversight.common.errors.ApiProblem;
import org.surveillanceoversight.common.http.IfMatch;
import org.surveillanceoversight.common.query.SqlTime;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Reads the append-only history (History appends to it): who (the key's ID, never its secret),
 * when, why, and the record before and after.
 */
@ApplicationScoped
public class RevisionLog {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    RecordRenderer renderer;

    @Inject
    History history;

    public record RevisionView(long id, String entityType, String entityId, int version, String actor,
                               Instant recordedAt, String reason, Object change) {
    }

    @Schema(name = "RevisionList")
    public record RevisionList(List<RevisionView> data) {
    }

    /** The history of a record the API shows; 404 when there is no such record. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public RevisionList listOf(String entityType, UUID entityId) {
        String table = renderer.kind(entityType).table();
        String id = renderer.kind(entityType).idColumn();
        boolean exists = !em.createNativeQuery("select 1 from " + table + " where " + id + " = :id and publication <> 'draft'")
                .setParameter("id", entityId).getResultList().isEmpty();
        if (!exists) {
            throw ApiProblem.notFound(entityType, entityId);
        }
        return new RevisionList(of(entityType, entityId));
    }

    /** A record's strong ETag: made from its revision, the ID of its latest revision. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String etag(String entityType, UUID entityId) {
        return IfMatch.etag(history.revisionOf(entityType, entityId));
    }

    /** A record's revisions, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RevisionView> of(String entityType, UUID entityId) {
        return read(em.createNativeQuery(SELECT + "where entity_type = :type and entity_id = :id order by id")
                .setParameter("type", entityType).setParameter("id", entityId.toString()));
    }

    /** Revisions after an ID, oldest first, of the given kinds (all kinds when none is given). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RevisionView> after(long afterId, List<String> types, int limit) {
        Query query = em.createNativeQuery(SELECT + "where id > :after "
                        + (types.isEmpty() ? "" : "and entity_type = any(cast(:types as text[])) ")
                        + "order by id limit " + limit)
                .setParameter("after", afterId);
        if (!types.isEmpty()) {
            query.setParameter("types", types.toArray(String[]::new));
        }
        return read(query);
    }

    private static final String SELECT = "select id, entity_type, entity_id, version, actor, recorded_at, reason, "
            + "change::text from revision ";

    private List<RevisionView> read(Query query) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> {
            try {
                return new RevisionView(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                        ((Number) r[3]).intValue(), (String) r[4], SqlTime.instant(r[5]), (String) r[6],
                        json.readValue((String) r[7], Object.class));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
