package org.surveillanceoversight.seed;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.EntityManager;
import org.surveillanceoversight.capability.Capability;
import org.surveillanceoversight.common.records.PartialDate;
import org.surveillanceoversight.common.records.PublishableRecord;
import org.surveillanceoversight.country.Country;
import org.surveillanceoversight.country.Locality;
import org.surveillanceoversight.deployment.CameraCount;
import org.surveillanceoversight.deployment.Deployment;
import org.surveillanceoversight.deployment.DeploymentCapability;
import org.surveillanceoversight.deployment.DeploymentVendor;
import org.surveillanceoversight.deployment.Financing;
import org.surveillanceoversight.deployment.StatusEvent;
import org.surveillanceoversight.finding.Finding;
import org.surveillanceoversight.oversight.OversightAssessment;
import org.surveillanceoversight.oversight.OversightCriterion;
import org.surveillanceoversight.seed.SeedRecords.*;
import org.surveillanceoversight.source.Citation;
import org.surveillanceoversight.source.ClaimType;
import org.surveillanceoversight.source.Source;
import org.surveillanceoversight.vendor.Vendor;
import org.surveillanceoversight.vendor.VendorRestriction;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Writes seed records into the registry: finds each record by its seed ID or creates it, sets
 * every field, then saves it, so loading twice changes nothing and a corrected file updates in place.
 * Problems (a claim without a citation, a key that names nothing) are collected with their
 * place in the file; the loader refuses the whole seed if there are any.
 */
final class SeedWriter {

    private final EntityManager em;
    private final List<String> problems = new ArrayList<>();

    SeedWriter(EntityManager em) {
        this.em = em;
    }

    List<String> problems() {
        return problems;
    }

    void countries(List<CountrySeed> seeds) {
        for (CountrySeed s : seeds) {
            Country c = findOrCreate(Country.class, s.code(), Country::new);
            c.code = s.code();
            c.alpha3 = s.alpha3();
            c.name = s.name();
            c.region = s.region();
            save(c);
        }
    }

    void sources(List<SourceSeed> seeds) {
        for (SourceSeed s : seeds) {
            Source source = findOrCreate(Source.class, SeedIds.of("source", s.key()), Source::new);
            source.kind = s.kind();
            source.title = s.title();
            source.publisher = s.publisher();
            source.authors = new ArrayList<>(orEmpty(s.authors()));
            PartialDate published = date(s.publishedOn(), "sources " + s.key() + ".published_on");
            source.publishedOn = PartialDate.dateOf(published);
            source.publishedPrecision = PartialDate.precisionOf(published);
            source.url = s.url();
            source.archivedUrl = s.archivedUrl();
            source.language = s.language();
            source.license = s.license();
            source.notes = s.notes();
            save(source);
        }
    }

    void localities(List<LocalitySeed> seeds) {
        for (LocalitySeed s : seeds) {
            Locality l = findOrCreate(Locality.class, SeedIds.of("locality", s.key()), Locality::new);
            l.country = country(s.country(), "localities " + s.key() + ".country");
            l.nameEn = s.nameEn();
            l.nameLocal = s.nameLocal();
            l.localScript = s.localScript();
            l.kind = s.kind();
            l.latitude = s.latitude();
            l.longitude = s.longitude();
            l.aliases = new ArrayList<>(orEmpty(s.aliases()));
            save(l);
        }
    }

    void vendors(List<VendorSeed> seeds) {
        for (VendorSeed s : seeds) {
            String at = "vendors " + s.key();
            Vendor v = claim(Vendor.class, ClaimType.vendor, SeedIds.of("vendor", s.key()), Vendor::new, s.citations(), at);
            v.name = s.name();
            v.hqCountry = s.hqCountry() == null ? null : country(s.hqCountry(), at + ".hq_country");
            v.ownership = s.ownership();
            v.ownershipNote = s.ownershipNote();
            v.website = s.website();
            v.aliases.clear();
            for (AliasSeed a : orEmpty(s.aliases())) {
                Vendor.Alias alias = new Vendor.Alias();
                alias.alias = a.alias();
                alias.language = a.language();
                v.aliases.add(alias);
            }
            save(v);
            for (RestrictionSeed r : orEmpty(s.restrictions())) {
                String rat = at + ".restrictions " + r.key();
                VendorRestriction restriction = claim(VendorRestriction.class, ClaimType.vendor_restriction,
                        SeedIds.of("vendor_restriction", s.key() + "/" + r.key()), VendorRestriction::new,
                        r.citations(), rat);
                restriction.vendor = v;
                restriction.kind = r.kind();
                restriction.jurisdiction = r.jurisdiction();
                restriction.authority = r.authority();
                restriction.description = r.description();
                PartialDate effective = date(r.effectiveOn(), rat + ".effective_on");
                restriction.effectiveOn = PartialDate.dateOf(effective);
                restriction.effectivePrecision = PartialDate.precisionOf(effective);
                PartialDate ended = date(r.endedOn(), rat + ".ended_on");
                restriction.endedOn = PartialDate.dateOf(ended);
                restriction.endedPrecision = PartialDate.precisionOf(ended);
                save(restriction);
            }
        }
    }

    void findings(List<FindingSeed> seeds) {
        for (FindingSeed s : seeds) {
            String at = "findings " + s.key();
            Finding f = claim(Finding.class, ClaimType.finding, SeedIds.of("finding", s.key()), Finding::new,
                    s.citations(), at);
            f.kind = s.kind();
            f.summary = s.summary();
            f.countryCode = s.country() == null ? null : country(s.country(), at + ".country").code;
            f.vendorId = s.vendor() == null ? null : reference(Vendor.class, "vendor", s.vendor(), at + ".vendor").id;
            PartialDate observed = date(s.observedOn(), at + ".observed_on");
            f.observedOn = PartialDate.dateOf(observed);
            f.observedPrecision = PartialDate.precisionOf(observed);
            f.programs = s.programs();
            f.countries = s.countries();
            f.amount = s.amount();
            f.currency = s.currency();
            f.figureQualifier = s.figureQualifier();
            save(f);
        }
    }

    void deployments(List<DeploymentSeed> seeds) {
        // a parent's row must exist before a child names it
        List<DeploymentSeed> ordered = seeds.stream()
                .sorted(Comparator.comparing((DeploymentSeed s) -> s.parent() != null)).toList();
        for (DeploymentSeed s : ordered) {
            deployment(s);
        }
    }

    private void deployment(DeploymentSeed s) {
        String at = "deployments " + s.key();
        Deployment d = claim(Deployment.class, ClaimType.deployment, SeedIds.of("deployment", s.key()),
                Deployment::new, s.citations(), at);
        d.parentId = s.parent() == null ? null : reference(Deployment.class, "deployment", s.parent(), at + ".parent").id;
        d.title = s.title();
        d.summary = s.summary();
        d.programType = s.programType();
        d.country = country(s.country(), at + ".country");
        d.operatorAgency = s.operatorAgency();
        d.publicSpaces = new ArrayList<>(orEmpty(s.publicSpaces()));
        d.confidence = s.confidence();
        d.confidenceNote = s.confidenceNote();
        d.localities = new LinkedHashSet<>();
        for (String locality : orEmpty(s.localities())) {
            d.localities.add(reference(Locality.class, "locality", locality, at + ".localities"));
        }
        save(d);
        for (VendorRoleSeed r : orEmpty(s.vendors())) {
            DeploymentVendor role = claim(DeploymentVendor.class, ClaimType.deployment_vendor,
                    SeedIds.of("deployment_vendor", s.key() + "/" + r.vendor() + "/" + r.role()),
                    DeploymentVendor::new, r.citations(), at + ".vendors " + r.vendor());
            role.deployment = d;
            role.vendor = reference(Vendor.class, "vendor", r.vendor(), at + ".vendors");
            role.role = r.role();
            role.note = r.note();
            save(role);
        }
        List<StatusSeed> events = orEmpty(s.statusEvents());
        for (int i = 0; i < events.size(); i++) {
            StatusSeed e = events.get(i);
            String eat = at + ".status_events[" + i + "]";
            StatusEvent event = claim(StatusEvent.class, ClaimType.status_event,
                    SeedIds.of("status_event", s.key() + "/" + (i + 1)), StatusEvent::new, e.citations(), eat);
            event.deployment = d;
            event.sequence = i + 1;
            event.status = e.status();
            PartialDate occurred = date(e.occurredOn(), eat + ".occurred_on");
            event.occurredOn = PartialDate.dateOf(occurred);
            event.occurredPrecision = PartialDate.precisionOf(occurred);
            event.note = e.note();
            save(event);
        }
        List<CameraCountSeed> counts = orEmpty(s.cameraCounts());
        for (int i = 0; i < counts.size(); i++) {
            cameraCount(d, s.key(), counts.get(i), i, at + ".camera_counts[" + i + "]");
        }
        for (CapabilitySeed c : orEmpty(s.capabilities())) {
            String cat = at + ".capabilities " + c.code();
            if (Capability.findById(c.code()) == null) {
                problems.add(cat + ": '" + c.code() + "' is not in the capability taxonomy");
            }
            DeploymentCapability k = claim(DeploymentCapability.class, ClaimType.deployment_capability,
                    SeedIds.of("deployment_capability", s.key() + "/" + c.code()), DeploymentCapability::new,
                    c.citations(), cat);
            k.deployment = d;
            k.capabilityCode = c.code();
            k.evidenceLevel = c.evidenceLevel();
            PartialDate since = date(c.sinceOn(), cat + ".since_on");
            k.sinceOn = PartialDate.dateOf(since);
            k.sincePrecision = PartialDate.precisionOf(since);
            PartialDate until = date(c.untilOn(), cat + ".until_on");
            k.untilOn = PartialDate.dateOf(until);
            k.untilPrecision = PartialDate.precisionOf(until);
            k.note = c.note();
            save(k);
        }
        List<FinancingSeed> financing = orEmpty(s.financing()).stream()
                .sorted(Comparator.comparing((FinancingSeed f) -> f.trancheOf() != null)).toList();
        for (FinancingSeed f : financing) {
            financing(d, s.key(), f, at + ".financing " + f.key());
        }
        if (s.oversight() != null) {
            oversight(d, s.key(), s.oversight(), at + ".oversight");
        }
    }

    private void cameraCount(Deployment d, String deploymentKey, CameraCountSeed c, int index, String at) {
        String key = c.key() != null ? c.key() : String.valueOf(index + 1);
        CameraCount n = claim(CameraCount.class, ClaimType.camera_count,
                SeedIds.of("camera_count", deploymentKey + "/" + key), CameraCount::new, c.citations(), at);
        n.deployment = d;
        PartialDate observed = date(c.observedOn(), at + ".observed_on");
        n.observedOn = PartialDate.dateOf(observed);
        n.observedPrecision = PartialDate.precisionOf(observed);
        n.total = c.total();
        n.totalQualifier = c.totalQualifier();
        n.facialRecognition = c.facialRecognition();
        n.facialRecognitionQualifier = c.facialRecognitionQualifier();
        n.plateReading = c.plateReading();
        n.plateReadingQualifier = c.plateReadingQualifier();
        n.basis = c.basis();
        n.scope = c.scope();
        n.note = c.note();
        save(n);
    }

    private void financing(Deployment d, String deploymentKey, FinancingSeed f, String at) {
        Financing fin = claim(Financing.class, ClaimType.financing,
                SeedIds.of("financing", deploymentKey + "/" + f.key()), Financing::new, f.citations(), at);
        fin.deployment = d;
        fin.trancheOf = f.trancheOf() == null ? null : SeedIds.of("financing", deploymentKey + "/" + f.trancheOf());
        fin.instrument = f.instrument();
        fin.description = f.description();
        fin.lender = f.lender();
        fin.lenderCountry = f.lenderCountry() == null ? null : country(f.lenderCountry(), at + ".lender_country");
        fin.borrower = f.borrower();
        fin.amount = f.amount();
        fin.currency = f.currency();
        fin.amountUsd = f.amountUsd();
        fin.amountQualifier = f.amountQualifier();
        fin.interestRatePct = f.interestRatePct();
        fin.maturityYears = f.maturityYears();
        fin.gracePeriodYears = f.gracePeriodYears();
        PartialDate signed = date(f.signedOn(), at + ".signed_on");
        fin.signedOn = PartialDate.dateOf(signed);
        fin.signedPrecision = PartialDate.precisionOf(signed);
        PartialDate ratified = date(f.ratifiedOn(), at + ".ratified_on");
        fin.ratifiedOn = PartialDate.dateOf(ratified);
        fin.ratifiedPrecision = PartialDate.precisionOf(ratified);
        fin.ratifiedBy = f.ratifiedBy();
        fin.repaymentSource = f.repaymentSource();
        fin.externalIds.clear();
        for (ExternalIdSeed x : orEmpty(f.externalIds())) {
            Financing.ExternalId id = new Financing.ExternalId();
            id.system = x.system();
            id.externalId = x.id();
            id.url = x.url();
            fin.externalIds.add(id);
        }
        save(fin);
    }

    private void oversight(Deployment d, String deploymentKey, OversightSeed o, String at) {
        OversightAssessment a = findOrCreate(OversightAssessment.class,
                SeedIds.of("oversight_assessment", deploymentKey + "/" + o.asOf()), OversightAssessment::new);
        a.deploymentId = d.id;
        a.asOf = LocalDate.parse(o.asOf());
        a.assessedBy = o.assessedBy();
        a.note = o.note();
        save(a);
        for (CriterionSeed c : orEmpty(o.criteria())) {
            String cat = at + ".criteria " + c.criterion();
            UUID id = SeedIds.of("oversight_criterion", deploymentKey + "/" + o.asOf() + "/" + c.criterion());
            // "unknown" asserts nothing and needs no source; every other score does
            OversightCriterion criterion = c.score() == OversightCriterion.Score.unknown
                    ? findOrCreate(OversightCriterion.class, id, OversightCriterion::new)
                    : claim(OversightCriterion.class, ClaimType.oversight_criterion, id, OversightCriterion::new,
                    c.citations(), cat);
            criterion.assessment = a;
            criterion.criterion = c.criterion();
            criterion.score = c.score();
            criterion.evidence = c.evidence();
            criterion.asOf = c.asOf() == null ? null : LocalDate.parse(c.asOf());
            save(criterion);
        }
    }

    /** A claim-making record and its citations; a published claim without one is a problem. */
    private <T extends PublishableRecord> T claim(Class<T> type, ClaimType claimType, UUID id, Supplier<T> create,
                                                   List<CitationSeed> citations, String at) {
        T record = findOrCreate(type, id, create);
        List<CitationSeed> given = orEmpty(citations);
        if (given.isEmpty() && record.isPublished()) {
            problems.add(at + ": a published claim needs at least one citation");
        }
        for (int i = 0; i < given.size(); i++) {
            CitationSeed c = given.get(i);
            Citation citation = findOrCreate(Citation.class, SeedIds.of("citation", claimType + "/" + id + "/" + i),
                    Citation::new);
            citation.claimType = claimType;
            citation.claimId = id;
            citation.source = reference(Source.class, "source", c.source(), at + ".citations[" + i + "].source");
            citation.quote = c.quote();
            citation.locator = c.locator();
            citation.note = c.note();
            save(citation);
        }
        return record;
    }

    /** Inserts a new record once all its fields are set (Hibernate inserts the state it had at persist). */
    private <T> T save(T entity) {
        em.persist(entity);
        return entity;
    }

    private <T extends PanacheEntityBase> T findOrCreate(Class<T> type, Object id, Supplier<T> create) {
        T found = em.find(type, id);
        if (found != null) {
            return found;
        }
        T created = create.get();
        setId(created, id);
        return created;
    }

    private static void setId(Object entity, Object id) {
        if (entity instanceof PublishableRecord record) {
            record.id = (UUID) id;
        } else if (entity instanceof Citation citation) {
            citation.id = (UUID) id;
        } else if (entity instanceof Country country) {
            country.code = (String) id;
        } else {
            throw new IllegalArgumentException("no seed ID for " + entity.getClass().getSimpleName());
        }
    }

    private <T> T reference(Class<T> type, String kind, String key, String at) {
        T found = em.find(type, SeedIds.of(kind, key));
        if (found == null) {
            problems.add(at + ": no " + kind + " has the key '" + key + "'");
        }
        return found;
    }

    private Country country(String code, String at) {
        Country found = code == null ? null : em.find(Country.class, code);
        if (found == null) {
            problems.add(at + ": '" + code + "' is not an ISO 3166-1 alpha-2 country code");
        }
        return found;
    }

    private PartialDate date(String text, String at) {
        try {
            return PartialDate.parse(text);
        } catch (IllegalArgumentException e) {
            problems.add(at + ": " + e.getMessage());
            return null;
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
