package org.surveillanceoversight.source;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.surveillanceoversight.common.query.Keyset;
import org.surveillanceoversight.common.query.Page;
import org.surveillanceoversight.common.query.SqlWhere;
import org.surveillanceoversight.common.records.Publication;
import org.surveillanceoversight.common.records.Retraction;

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
                s.publishedOn, s.publishedPrecision, s.url, s.archivedUrl, s.language, s.license, s.datasetVersion, s.notes,
                cited.getOrDefault(s.id, 0L), s.publication, Retraction.of(s), s.version, s.updatedAt)).toList();
    }
}
