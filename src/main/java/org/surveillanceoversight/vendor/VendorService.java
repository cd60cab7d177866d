package org.surveillanceoversight.vendor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.surveillanceoversight.common.query.Keyset;
import org.surveillanceoversight.common.query.Page;
import org.surveillanceoversight.common.query.SqlWhere;
import org.surveillanceoversight.common.records.Publication;
import org.surveillanceoversight.common.records.PublishableRecord;
import org.surveillanceoversight.common.records.Retraction;
import org.surveillanceoversight.finding.Finding;
import org.surveillanceoversight.finding.FindingView;
import org.surveillanceoversight.source.CitationService;
import org.surveillanceoversight.source.CitationView;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class VendorService {

    @Inject
    EntityManager em;

    @Inject
    CitationService citations;

    @Inject
    VendorDeploymentCounts counts;

    public Optional<VendorView> find(UUID id) {
        return Vendor.<Vendor>findByIdOptional(id).filter(v -> v.publication != Publication.draft)
                .map(v -> views(List.of(v)).get(0));
    }

    /** Published vendors by name; q matches names and aliases (any script), country the headquarters. */
    public Page<VendorView> list(String q, List<String> countries, Boolean restricted, List<String> publications,
                                 String cursor, int limit) {
        SqlWhere where = new SqlWhere().and("v.publication in (:publication)", "publication", publications);
        if (q != null) {
            where.and("(strpos(lower(v.name), lower(:q)) > 0 or exists (select 1 from vendor_alias a "
                    + "where a.vendor_id = v.id and strpos(lower(a.alias), lower(:q)) > 0))", "q", q);
        }
        if (!countries.isEmpty()) {
            where.and("v.hq_country_code in (:country)", "country", countries);
        }
        if (restricted != null) {
            where.and((restricted ? "" : "not ") + "exists (select 1 from vendor_restriction r where r.vendor_id = v.id "
                    + "and r.publication = 'published' and (r.ended_on is null or r.ended_on > current_date))");
        }
        Keyset.Slice<UUID> slice = Keyset.page(em, "vendor v", "v.id", "uuid", "v.name", "text", "name", false,
                where, cursor, limit);
        List<Vendor> vendors = slice.ids().isEmpty() ? List.of()
                : Keyset.inOrder(slice.ids(), Vendor.<Vendor>list("id in ?1", slice.ids()), v -> v.id);
        return new Page<>(views(vendors), limit, slice.nextCursor(), slice.prevCursor());
    }

    /** The current representation of each public vendor among the IDs. */
    public List<VendorView> views(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of()
                : views(Vendor.<Vendor>list("id in ?1 and publication <> ?2", ids, Publication.draft));
    }

    private List<VendorView> views(List<Vendor> vendors) {
        if (vendors.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = vendors.stream().map(v -> v.id).toList();
        List<Finding> findings = Finding.list("vendorId in ?1 and publication = ?2 order by observedOn nulls first, id",
                ids, Publication.published);
        List<UUID> claims = new ArrayList<>(ids);
        vendors.forEach(v -> v.restrictions.forEach(r -> claims.add(r.id)));
        findings.forEach(f -> claims.add(f.id));
        Map<UUID, List<CitationView>> cited = citations.forClaims(claims);
        Map<UUID, Long> deploymentCounts = counts.deploymentsPerVendor();
        Map<UUID, List<FindingView>> findingsByVendor = findings.stream().collect(Collectors.groupingBy(
                f -> f.vendorId, Collectors.mapping(f -> FindingView.of(f, cited), Collectors.toList())));
        return vendors.stream().map(v -> new VendorView(v.id, v.name,
                v.aliases.stream().map(a -> new VendorView.AliasView(a.alias, a.language)).toList(),
                v.hqCountry == null ? null : v.hqCountry.code, v.ownership, v.ownershipNote, v.website,
                v.restrictions.stream().filter(PublishableRecord::isPublished).map(r -> new VendorView.RestrictionView(
                        r.id, r.kind, r.jurisdiction, r.authority, r.description, r.effectiveOn, r.effectivePrecision,
                        r.endedOn, r.endedPrecision, cited.getOrDefault(r.id, List.of()))).toList(),
                findingsByVendor.getOrDefault(v.id, List.of()),
                new org.surveillanceoversight.common.records.DeploymentsLink(deploymentCounts.getOrDefault(v.id, 0L), "/api/v1/deployments?vendor=" + v.id),
                v.publication, Retraction.of(v), v.version, v.updatedAt, cited.getOrDefault(v.id, List.of()))).toList();
    }
}
