package org.surveillanceoversight.country;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.surveillanceoversight.common.query.Keyset;
import org.surveillanceoversight.common.query.Page;
import org.surveillanceoversight.common.query.SqlWhere;
import org.surveillanceoversight.common.records.DeploymentsLink;
import org.surveillanceoversight.common.records.Publication;
import org.surveillanceoversight.common.records.Retraction;
import org.surveillanceoversight.country.CountryViews.CountryView;
import org.surveillanceoversight.country.CountryViews.LocalityView;
import org.surveillanceoversight.finding.Finding;
import org.surveillanceoversight.finding.FindingView;
import org.surveillanceoversight.source.CitationService;
import org.surveillanceoversight.source.CitationView;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CountryService {

    @Inject
    EntityManager em;

    @Inject
    CitationService citations;

    public Optional<CountryView> findCountry(String code) {
        return Country.<Country>findByIdOptional(code).map(c -> countryViews(List.of(c)).get(0));
    }

    /** Countries by ISO code; region exact, q part of the name, has_deployments whether any is published. */
    public Page<CountryView> countries(String region, String q, Boolean hasDeployments, String cursor, int limit) {
        SqlWhere where = new SqlWhere();
        if (region != null) {
            where.and("lower(c.region) = lower(:region)", "region", region);
        }
        if (q != null) {
            where.and("strpos(lower(c.name), lower(:q)) > 0", "q", q);
        }
        if (hasDeployments != null) {
            where.and((hasDeployments ? "" : "not ") + "exists (select 1 from deployment_summary s "
                    + "where s.country_code = c.code and s.publication = 'published')");
        }
        Keyset.Slice<String> slice = Keyset.page(em, "country c", "c.code", "text", null, null, "code", false,
                where, cursor, limit);
        List<Country> countries = slice.ids().isEmpty() ? List.of()
                : Country.<Country>list("code in ?1 order by code", slice.ids());
        return new Page<>(countryViews(countries), limit, slice.nextCursor(), slice.prevCursor());
    }

    public Optional<LocalityView> findLocality(UUID id) {
        return Locality.<Locality>findByIdOptional(id).filter(l -> l.publication != Publication.draft)
                .map(l -> localityViews(List.of(l)).get(0));
    }

    /** Localities by English name; q matches English and local names and aliases, in any script. */
    public Page<LocalityView> localities(List<String> countries, String q, List<String> publications, String cursor,
                                         int limit) {
        SqlWhere where = new SqlWhere().and("l.publication in (:publication)", "publication", publications);
        if (!countries.isEmpty()) {
            where.and("l.country_code in (:country)", "country", countries);
        }
        if (q != null) {
            where.and("(strpos(lower(l.name_en), lower(:q)) > 0 or strpos(lower(coalesce(l.name_local, '')), lower(:q)) > 0 "
                    + "or exists (select 1 from unnest(l.aliases) a where strpos(lower(a), lower(:q)) > 0))", "q", q);
        }
        Keyset.Slice<UUID> slice = Keyset.page(em, "locality l", "l.id", "uuid", "l.name_en", "text", "name", false,
                where, cursor, limit);
        List<Locality> localities = slice.ids().isEmpty() ? List.of()
                : Keyset.inOrder(slice.ids(), Locality.<Locality>list("id in ?1", slice.ids()), l -> l.id);
        return new Page<>(localityViews(localities), limit, slice.nextCursor(), slice.prevCursor());
    }

    private List<CountryView> countryViews(List<Country> countries) {
        if (countries.isEmpty()) {
            return List.of();
        }
        List<String> codes = countries.stream().map(c -> c.code).toList();
        Map<String, Long> counts = counts("select s.country_code, count(*) from deployment_summary s "
                + "where s.publication = 'published' and s.country_code in (:ids) group by s.country_code", codes);
        List<Finding> findings = Finding.list("countryCode in ?1 and publication = ?2 order by observedOn nulls first, id",
                codes, Publication.published);
        Map<UUID, List<CitationView>> cited = citations.forClaims(findings.stream().map(f -> f.id).toList());
        Map<String, List<FindingView>> byCountry = findings.stream().collect(Collectors.groupingBy(f -> f.countryCode,
                Collectors.mapping(f -> FindingView.of(f, cited), Collectors.toList())));
        return countries.stream().map(c -> new CountryView(c.code, c.alpha3, c.name, c.region,
                new DeploymentsLink(counts.getOrDefault(c.code, 0L), "/api/v1/deployments?country=" + c.code),
                byCountry.getOrDefault(c.code, List.of()))).toList();
    }

    /** The current representation of each public locality among the IDs. */
    public List<LocalityView> localityViews(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of()
                : localityViews(Locality.<Locality>list("id in ?1 and publication <> ?2", ids, Publication.draft));
    }

    private List<LocalityView> localityViews(List<Locality> localities) {
        if (localities.isEmpty()) {
            return List.of();
        }
        // the array overlap uses the GIN index; unnest then counts only those rows
        Map<String, Long> counts = counts("select l::text, count(*) from deployment_summary s, unnest(s.locality_ids) l "
                        + "where s.publication = 'published' and s.locality_ids && cast(:ids as uuid[]) "
                        + "and l = any(cast(:ids as uuid[])) group by l",
                localities.stream().map(l -> l.id).toArray(UUID[]::new));
        return localities.stream().map(l -> new LocalityView(l.id, l.country.code, l.nameEn, l.nameLocal, l.localScript,
                l.kind, l.latitude, l.longitude, List.copyOf(l.aliases),
                new DeploymentsLink(counts.getOrDefault(l.id.toString(), 0L), "/api/v1/deployments?locality=" + l.id),
                l.publication, Retraction.of(l), l.version, l.updatedAt))
                .toList();
    }

    private Map<String, Long> counts(String sql, Object ids) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql).setParameter("ids", ids).getResultList();
        return rows.stream().collect(Collectors.toMap(r -> r[0].toString(), r -> ((Number) r[1]).longValue()));
    }
}
