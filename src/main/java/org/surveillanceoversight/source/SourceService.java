package org.surveillanceoversight.source;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.OptimisticLockException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.surveillanceoversight.auth.Caller;
import org.surveillanceoversight.common.errors.ApiProblem;
import org.surveillanceoversight.common.errors.FieldError;
import org.surveillanceoversight.common.http.IfMatch;
import org.surveillanceoversight.common.records.MergePatch;
import org.surveillanceoversight.history.Written;
import org.surveillanceoversight.common.query.Keyset;
import org.surveillanceoversight.common.records.PartialDate;
import org.surveillanceoversight.common.query.Page;
import org.surveillanceoversight.common.records.Publication;
import org.surveillanceoversight.common.records.Retraction;
import org.surveillanceoversight.common.query.SqlWhere;
import org.surveillanceoversight.history.Idempotency;
import org.surveillanceoversight.history.History;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SourceService {

    @Inject
    EntityManager em;

    @Inject
    History history;

    @Inject
    Idempotency idempotency;

    @Inject
    MergePatch mergePatch;

    /**
     * Creates a published source and records its first revision, in one transaction. With an
     * Idempotency-Key, a retry of the same request returns the first response and writes nothing.
     */
    @Transactional
    public Written create(SourceInput input, Caller caller, String idempotencyKey, String collectionUri) {
        return idempotency.once(caller, idempotencyKey, "POST " + collectionUri + " " + mergePatch.toJson(input), () -> {
            Source source = new Source();
            source.id = UUID.randomUUID();
            apply(source, input);
            source.persist();
            JsonNode view = history.record(caller, input.changeReason(), "source", source.id);
            return new Written(201, collectionUri + "/" + source.id, mergePatch.toJson(view), etagOf(view));
        });
    }

    /** Replaces a source's fields, if it is still at the version the caller read (If-Match). */
    @Transactional
    public Written update(UUID id, SourceInput input, IfMatch.Tag expected, Caller caller) {
        return write(current(id, expected), input, caller);
    }

    /** Applies an RFC 7396 merge patch to the source as the API shows it, then validates and saves it. */
    @Transactional
    public Written patch(UUID id, JsonNode patch, IfMatch.Tag expected, Caller caller) {
        Source source = current(id, expected);
        return write(source, mergePatch.apply(inputOf(source), patch, SourceInput.class), caller);
    }

    private Written write(Source source, SourceInput input, Caller caller) {
        apply(source, input);
        return written(source, caller, input.changeReason());
    }

    /** A merge patch against the source as it is now (an accepted submission; no ETag to compare). */
    @Transactional
    public Written patchCurrent(UUID id, JsonNode patch, Caller caller) {
        SourceView now = find(id).orElseThrow(() -> ApiProblem.notFound("source", id));
        return patch(id, patch, new IfMatch.Tag(now.version(), now.citedBy()), caller);
    }

    /** Retracts a source: it stays, with who retracted it, when and why. */
    @Transactional
    public Written retract(UUID id, String reason, IfMatch.Tag expected, Caller caller) {
        Source source = current(id, expected);
        if (source.publication == Publication.retracted) {
            throw new ApiProblem("already-retracted", "Already retracted", 409,
                    "This source was retracted at " + source.retractedAt + ".", List.of());
        }
        source.publication = Publication.retracted;
        source.retractedAt = Instant.now();
        source.retractedBy = "api_key:" + caller.keyId();
        source.retractionReason = reason.trim();
        return written(source, caller, reason.trim());
    }

    private Source current(UUID id, IfMatch.Tag expected) {
        Source source = Source.<Source>findByIdOptional(id).filter(s -> s.publication != Publication.draft)
                .orElseThrow(() -> ApiProblem.notFound("source", id));
        SourceView now = views(List.of(source)).get(0);
        if (now.version() != expected.version() || now.citedBy() != expected.cited()) {
            throw IfMatch.stale("The source changed since you read it; its ETag is now "
                    + IfMatch.etag(now.version(), now.citedBy()) + ". Read it again and reapply your change.");
        }
        return source;
    }

    private Written written(Source source, Caller caller, String reason) {
        try {
            em.flush(); // the version check in SQL: a concurrent writer that committed first makes this fail
        } catch (OptimisticLockException e) {
            throw IfMatch.stale("Another write to this source was committed first; read it again and reapply your change.");
        }
        JsonNode after = history.record(caller, reason, "source", source.id);
        return new Written(200, null, mergePatch.toJson(after), etagOf(after));
    }

    private static String etagOf(JsonNode view) {
        return IfMatch.etag(view.get("version").asInt(), view.get("cited_by").asLong());
    }

    private static SourceInput inputOf(Source s) {
        String published = PartialDate.format(s.publishedOn, s.publishedPrecision);
        return new SourceInput(s.kind, s.title, s.publisher, List.copyOf(s.authors), published, s.url, s.archivedUrl,
                s.language, s.license, s.notes, null);
    }

    private static void apply(Source source, SourceInput input) {
        PartialDate published;
        try {
            published = PartialDate.parse(input.publishedOn());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("validation", "Invalid request", "The request has invalid values; see errors.",
                    new FieldError("published_on", "is not a date"));
        }
        source.kind = input.kind();
        source.title = input.title().trim();
        source.publisher = input.publisher();
        source.authors = input.authors() == null ? new ArrayList<>() : new ArrayList<>(input.authors());
        source.publishedOn = PartialDate.dateOf(published);
        source.publishedPrecision = PartialDate.precisionOf(published);
        source.url = input.url();
        source.archivedUrl = input.archivedUrl();
        source.language = input.language();
        source.license = input.license();
        source.notes = input.notes();
    }



    public Optional<SourceView> find(UUID id) {
        return Source.<Source>findByIdOptional(id).filter(s -> s.publication != Publication.draft)
                .map(s -> views(List.of(s)).get(0));
    }

    /** Published sources by title; q matches title and publisher. */
    public Page<SourceView> list(List<Source.Kind> kinds, List<String> languages, String q, List<String> publications,
                                 String cursor, int limit) {
        SqlWhere where = new SqlWhere().and("s.publication in (:publication)", "publication", publications);
        if (!kinds.isEmpty()) {
            where.and("s.kind in (:kind)", "kind", kinds.stream().map(Enum::name).toList());
        }
        if (!languages.isEmpty()) {
            where.and("s.language in (:language)", "language", languages);
        }
        if (q != null) {
            where.and("(strpos(lower(s.title), lower(:q)) > 0 or strpos(lower(coalesce(s.publisher, '')), lower(:q)) > 0)",
                    "q", q);
        }
        Keyset.Slice<UUID> slice = Keyset.page(em, "source s", "s.id", "uuid", "s.title", "text", "title", false,
                where, cursor, limit);
        List<Source> sources = slice.ids().isEmpty() ? List.of()
                : Keyset.inOrder(slice.ids(), Source.<Source>list("id in ?1", slice.ids()), s -> s.id);
        return new Page<>(views(sources), limit, slice.nextCursor(), slice.prevCursor());
    }

    /** The current representation of each public source among the IDs. */
    public List<SourceView> views(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of()
                : views(Source.<Source>list("id in ?1 and publication <> ?2", ids, Publication.draft));
    }

    private List<SourceView> views(List<Source> sources) {
        if (sources.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select c.source_id, count(*) from citation c "
                        + "where c.source_id in (:ids) group by c.source_id")
                .setParameter("ids", sources.stream().map(s -> s.id).toList()).getResultList();
        Map<UUID, Long> cited = rows.stream().collect(Collectors.toMap(r -> (UUID) r[0], r -> ((Number) r[1]).longValue()));
        return sources.stream().map(s -> new SourceView(s.id, s.kind, s.title, s.publisher, List.copyOf(s.authors),
                s.publishedOn, s.publishedPrecision, s.url, s.archivedUrl, s.language, s.license, s.notes,
                cited.getOrDefault(s.id, 0L), s.publication, Retraction.of(s), s.version, s.updatedAt)).toList();
    }
}
