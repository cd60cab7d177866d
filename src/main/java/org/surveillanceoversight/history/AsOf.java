package org.surveillanceoversight.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.surveillanceoversight.common.errors.ApiProblem;
import org.surveillanceoversight.common.errors.FieldError;
import org.surveillanceoversight.common.http.IfMatch;
import org.surveillanceoversight.common.query.Keyset;
import org.surveillanceoversight.common.query.Page;
import org.surveillanceoversight.common.query.SqlWhere;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads as the API answered at a past moment: each record's last revision recorded at or before
 * it. Revisions hold exactly what GET showed, so this is what a client saw then (re-serialised
 * in the representation's field order).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AsOf {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /** Parses the as_of parameter: an RFC 3339 timestamp with its offset, e.g. 2026-11-29T10:00:00Z. */
    public static Instant parse(String text) {
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest("invalid-parameter", "Invalid parameter",
                    "as_of must be an RFC 3339 timestamp with an offset, e.g. 2026-11-29T10:00:00Z.",
                    new FieldError("as_of", "must be a timestamp such as 2026-11-29T10:00:00Z"));
        }
    }

    /** The record as GET showed it at that moment, in the shape of its view class; empty if it was not public then. */
    public <T> Optional<Found> get(String type, UUID id, Instant at, Class<T> view) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, (change -> 'after')::text from revision "
                        + "where entity_type = :type and entity_id = :id and recorded_at <= :at order by id desc limit 1")
                .setParameter("type", type).setParameter("id", id.toString()).setParameter("at", at).getResultList();
        return rows.stream().filter(r -> r[1] != null && !r[1].equals("null"))
                .findFirst().map(r -> new Found(((Number) r[0]).longValue(), reshape((String) r[1], view)));
    }

    /** A past representation and the revision it comes from (its strong ETag: it never changes). */
    public record Found(long revision, String body) {

        public String etag() {
            return IfMatch.etag(revision);
        }
    }

    /**
     * One keyset page of the records that were published at that moment, by the given field of their
     * representation, as JSON in the view's field order.
     */
    public <T> Page<Object> list(String type, String sortField, Instant at, String cursor, int limit, Class<T> view) {
        // at is a parsed Instant, so its text is a safe literal (a subquery in FROM cannot take parameters here)
        String latest = "(select distinct on (entity_id) cast(entity_id as uuid) as id, "
                + "change -> 'after' ->> '" + sortField + "' as sort_key, change -> 'after' ->> 'publication' as publication "
                + "from revision where entity_type = '" + type + "' and recorded_at <= timestamptz '" + at + "' "
                + "order by entity_id, id desc) h";
        Keyset.Slice<UUID> slice = Keyset.page(em, latest, "h.id", "uuid", "h.sort_key", "text", sortField, false,
                new SqlWhere().and("h.publication = 'published'"), cursor, limit);
        Map<UUID, String> bodies = new HashMap<>();
        if (!slice.ids().isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select distinct on (entity_id) entity_id, "
                            + "(change -> 'after')::text from revision where entity_type = :type "
                            + "and entity_id = any(cast(:ids as text[])) and recorded_at <= :at order by entity_id, id desc")
                    .setParameter("type", type).setParameter("at", at)
                    .setParameter("ids", slice.ids().stream().map(UUID::toString).toArray(String[]::new))
                    .getResultList();
            rows.forEach(r -> bodies.put(UUID.fromString((String) r[0]), reshape((String) r[1], view)));
        }
        List<Object> data = slice.ids().stream().map(bodies::get).filter(Objects::nonNull)
                .map(this::raw).toList();
        return new Page<>(data, limit, slice.nextCursor(), slice.prevCursor());
    }

    private Object raw(String body) {
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> String reshape(String stored, Class<T> view) {
        try {
            return json.writeValueAsString(json.readValue(stored, view));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored revision no longer reads as " + view.getSimpleName(), e);
        }
    }
}
