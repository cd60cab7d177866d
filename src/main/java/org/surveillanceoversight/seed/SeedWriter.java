package org.surveillanceoversight.seed;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.surveillanceoversight.common.errors.ApiProblem;
import org.surveillanceoversight.common.records.PartialDate;
import org.surveillanceoversight.common.records.Publication;
import org.surveillanceoversight.common.records.PublishableRecord;
import org.surveillanceoversight.country.Country;
import org.surveillanceoversight.country.Locality;
import org.surveillanceoversight.country.LocalityInput;
import org.surveillanceoversight.country.LocalityWriter;
import org.surveillanceoversight.deployment.model.Deployment;
import org.surveillanceoversight.deployment.write.DeploymentInput.CameraCountInput;
import org.surveillanceoversight.deployment.write.DeploymentInput.CapabilityInput;
import org.surveillanceoversight.deployment.write.DeploymentInput.CriterionInput;
import org.surveillanceoversight.deployment.write.DeploymentInput.ExternalIdInput;
import org.surveillanceoversight.deployment.write.DeploymentInput.FinancingInput;
import org.surveillanceoversight.deployment.write.DeploymentInput.OversightInput;
import org.surveillanceoversight.deployment.write.DeploymentInput.StatusEventInput;
import org.surveillanceoversight.deployment.write.DeploymentInput.VendorRoleInput;
import org.surveillanceoversight.deployment.write.DeploymentInput;
import org.surveillanceoversight.deployment.write.DeploymentWriter;
import org.surveillanceoversight.finding.Finding;
import org.surveillanceoversight.history.PartIds;
import org.surveillanceoversight.history.RecordInput;
import org.surveillanceoversight.history.RecordWriter;
import org.surveillanceoversight.seed.SeedRecords.*;
import org.surveillanceoversight.source.Citation;
import org.surveillanceoversight.source.CitationInput;
import org.surveillanceoversight.source.ClaimType;
import org.surveillanceoversight.source.Source;
import org.surveillanceoversight.source.SourceInput;
import org.surveillanceoversight.source.SourceWriter;
import org.surveillanceoversight.vendor.Vendor;
import org.surveillanceoversight.vendor.VendorInput.AliasInput;
import org.surveillanceoversight.vendor.VendorInput.RestrictionInput;
import org.surveillanceoversight.vendor.VendorInput;
import org.surveillanceoversight.vendor.VendorWriter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Writes the seed files into the registry through the same writers as the API, as the actor
 * {@code seed}: each record under its name-based ID, its parts under theirs, so a seeded record
 * and an API-written one cannot differ, loading twice changes nothing and a corrected file
 * updates in place. A record the seed wrote that its file no longer holds is retracted, "removed
 * from the seed". Countries and findings have no API writer and are written here.
 *
 * <p>Problems (a key that names nothing, a field the API would refuse, a rule a writer enforces)
 * are collected with their place in the file; the loader refuses the whole seed if there are any.
 */
@Dependent
class SeedWriter {

    @Inject
    EntityManager em;

    @Inject
    Validator validator;

    @Inject
    SourceWriter sources;

    @Inject
    LocalityWriter localities;

    @Inject
    VendorWriter vendors;

    @Inject
    DeploymentWriter deployments;

    private final List<String> problems = new ArrayList<>();
    private String reason = "Seed files applied";

    /** Starts a load: no problems yet; revisions give this reason. */
    void begin(String reason) {
        problems.clear();
        this.reason = reason;
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
        Set<UUID> ids = new HashSet<>();
        for (SourceSeed s : seeds) {
            UUID id = SeedIds.of("source", s.key());
            ids.add(id);
            write(sources, id, new SourceInput(s.kind(), s.title(), s.publisher(), orEmpty(s.authors()), s.publishedOn(),
                    s.url(), s.archivedUrl(), s.language(), s.license(), s.datasetVersion(), s.notes(), reason), PartIds.RANDOM,
                    "sources " + s.key());
        }
        unseed(sources, "source", ids);
    }

    void localities(List<LocalitySeed> seeds) {
        Set<UUID> ids = new HashSet<>();
        for (LocalitySeed s : seeds) {
            UUID id = SeedIds.of("locality", s.key());
            ids.add(id);
            write(localities, id, new LocalityInput(s.country(), s.nameEn(), s.nameLocal(), s.localScript(), s.kind(),
                    s.latitude(), s.longitude(), orEmpty(s.aliases()), reason), PartIds.RANDOM, "localities " + s.key());
        }
        unseed(localities, "locality", ids);
    }

    void vendors(List<VendorSeed> seeds) {
        Set<UUID> ids = new HashSet<>();
        for (VendorSeed s : seeds) {
            String at = "vendors " + s.key();
            UUID id = SeedIds.of("vendor", s.key());
            ids.add(id);
            List<RestrictionInput> restrictions = orEmpty(s.restrictions()).stream().map(r -> new RestrictionInput(
                    SeedIds.of("vendor_restriction", s.key() + "/" + r.key()), r.kind(), r.jurisdiction(), r.authority(),
                    r.description(), r.effectiveOn(), r.endedOn(),
                    citations(r.citations(), at + ".restrictions " + r.key()))).toList();
            write(vendors, id, new VendorInput(s.name(), s.hqCountry(), s.ownership(), s.ownershipNote(), s.website(),
                    orEmpty(s.aliases()).stream().map(a -> new AliasInput(a.alias(), a.language())).toList(),
                    restrictions, citations(s.citations(), at), reason), partsOf(s.key()), at);
        }
        unseed(vendors, "vendor", ids);
    }

    void deployments(List<DeploymentSeed> seeds) {
        // a parent must exist before a child names it
        List<DeploymentSeed> ordered = seeds.stream()
                .sorted(Comparator.comparing((DeploymentSeed s) -> s.parent() != null)).toList();
        Set<UUID> ids = new HashSet<>();
        for (DeploymentSeed s : ordered) {
            UUID id = SeedIds.of("deployment", s.key());
            ids.add(id);
            write(deployments, id, deployment(s), partsOf(s.key()), "deployments " + s.key());
        }
        unseed(deployments, "deployment", ids);
    }

    /** The seed's name for each part of a record: its kind and the record's key with the part's own. */
    private static PartIds partsOf(String recordKey) {
        return new PartIds() {
            @Override
            public UUID of(String kind, String name) {
                return SeedIds.of(kind, recordKey + "/" + name);
            }

            @Override
            public boolean chosenByWriter() {
                return true;
            }
        };
    }

    private DeploymentInput deployment(DeploymentSeed s) {
        String at = "deployments " + s.key();
        String key = s.key();
        UUID parent = s.parent() == null ? null : reference(Deployment.class, "deployment", s.parent(), at + ".parent");
        List<UUID> places = orEmpty(s.localities()).stream()
                .map(l -> reference(Locality.class, "locality", l, at + ".localities")).toList();
        List<VendorRoleInput> roles = orEmpty(s.vendors()).stream().map(r -> new VendorRoleInput(
                SeedIds.of("deployment_vendor", key + "/" + r.vendor() + "/" + r.role()),
                reference(Vendor.class, "vendor", r.vendor(), at + ".vendors"), r.role(), r.note(),
                citations(r.citations(), at + ".vendors " + r.vendor()))).toList();
        List<StatusSeed> events = orEmpty(s.statusEvents());
        List<StatusEventInput> history = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            StatusSeed e = events.get(i);
            history.add(new StatusEventInput(SeedIds.of("status_event", key + "/" + (i + 1)), e.status(), e.occurredOn(),
                    e.note(), citations(e.citations(), at + ".status_events[" + i + "]")));
        }
        List<CameraCountSeed> counts = orEmpty(s.cameraCounts());
        List<CameraCountInput> cameras = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            CameraCountSeed c = counts.get(i);
            String countKey = c.key() != null ? c.key() : String.valueOf(i + 1);
            cameras.add(new CameraCountInput(SeedIds.of("camera_count", key + "/" + countKey), c.observedOn(), c.total(),
                    c.totalQualifier(), c.totalUpper(), c.facialRecognition(), c.facialRecognitionQualifier(), c.plateReading(),
                    c.plateReadingQualifier(), c.basis(), c.scope(), c.note(),
                    citations(c.citations(), at + ".camera_counts[" + i + "]")));
        }
        List<CapabilityInput> capabilities = orEmpty(s.capabilities()).stream().map(c -> new CapabilityInput(
                SeedIds.of("deployment_capability", key + "/" + c.code()), c.code(), c.evidenceLevel(), c.sinceOn(),
                c.untilOn(), c.note(), citations(c.citations(), at + ".capabilities " + c.code()))).toList();
        // the writer writes each package before its tranches
        List<FinancingInput> financing = orEmpty(s.financing()).stream()
                .map(f -> new FinancingInput(SeedIds.of("financing", key + "/" + f.key()),
                        f.trancheOf() == null ? null : SeedIds.of("financing", key + "/" + f.trancheOf()), null, f.instrument(),
                        f.description(), f.lender(), f.lenderCountry(), f.borrower(), f.amount(), f.currency(),
                        f.amountUsd(), f.amountQualifier(), f.interestRatePct(), f.maturityYears(), f.gracePeriodYears(),
                        f.signedOn(), f.ratifiedOn(), f.ratifiedBy(), f.repaymentSource(),
                        orEmpty(f.externalIds()).stream().map(x -> new ExternalIdInput(x.system(), x.id(), x.url())).toList(),
                        citations(f.citations(), at + ".financing " + f.key()))).toList();
        OversightSeed o = s.oversight();
        OversightInput oversight = o == null ? null : new OversightInput(o.asOf(), o.assessedBy(), o.note(),
                orEmpty(o.criteria()).stream().map(c -> new CriterionInput(c.criterion(), c.score(), c.evidence(),
                        c.asOf(), citations(c.citations(), at + ".oversight.criteria " + c.criterion()))).toList());
        return new DeploymentInput(s.title(), s.summary(), s.programType(), parent, s.country(), places,
                s.operatorAgency(), orEmpty(s.publicSpaces()), s.confidence(), s.confidenceNote(),
                citations(s.citations(), at), roles, history, cameras, capabilities, financing, oversight, reason);
    }

    private List<CitationInput> citations(List<CitationSeed> seeds, String at) {
        List<CitationSeed> given = orEmpty(seeds);
        List<CitationInput> out = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            CitationSeed c = given.get(i);
            out.add(new CitationInput(reference(Source.class, "source", c.source(), at + ".citations[" + i + "].source"),
                    c.quote(), c.locator(), c.note()));
        }
        return out;
    }

    /**
     * Writes one record through its writer, once the input is as the API would accept it; every
     * problem is kept with its place, and the next record is still tried, so one run lists them
     * all (the loader then refuses the whole seed, and nothing of it stays).
     */
    private <I extends RecordInput> void write(RecordWriter<?, I> writer, UUID id, I input, PartIds parts, String at) {
        Set<ConstraintViolation<I>> violations = validator.validate(input);
        for (ConstraintViolation<I> v : violations) {
            problems.add(at + "." + v.getPropertyPath() + ": " + v.getMessage());
        }
        if (!violations.isEmpty()) {
            return;
        }
        try {
            writer.seed(id, input, parts);
        } catch (ApiProblem e) {
            if (e.errors.isEmpty()) {
                problems.add(at + ": " + e.getMessage());
            }
            e.errors.forEach(f -> problems.add(at + "." + f.field() + ": " + f.message()));
        }
    }

    /** Retracts what the seed wrote of this kind that its file no longer holds. */
    private void unseed(RecordWriter<?, ?> writer, String kind, Set<UUID> kept) {
        if (!problems.isEmpty()) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<String> written = em.createNativeQuery("select distinct entity_id from revision "
                + "where entity_type = :kind and actor = :seed").setParameter("kind", kind)
                .setParameter("seed", RecordWriter.SEED).getResultList();
        for (String id : written) {
            if (!kept.contains(UUID.fromString(id))) {
                writer.unseed(UUID.fromString(id));
            }
        }
    }

    void findings(List<FindingSeed> seeds) {
        Set<UUID> ids = new HashSet<>();
        for (FindingSeed s : seeds) {
            String at = "findings " + s.key();
            Finding f = claim(Finding.class, ClaimType.finding, SeedIds.of("finding", s.key()), Finding::new,
                    s.citations(), at);
            ids.add(f.id);
            f.kind = s.kind();
            f.summary = s.summary();
            f.countryCode = s.country() == null ? null : country(s.country(), at + ".country").code;
            f.vendorId = s.vendor() == null ? null : reference(Vendor.class, "vendor", s.vendor(), at + ".vendor");
            PartialDate observed = date(s.observedOn(), at + ".observed_on");
            f.observedOn = PartialDate.dateOf(observed);
            f.observedPrecision = PartialDate.precisionOf(observed);
            PartialDate target = date(s.targetOn(), at + ".target_on");
            f.targetOn = PartialDate.dateOf(target);
            f.targetPrecision = PartialDate.precisionOf(target);
            f.programs = s.programs();
            f.countries = s.countries();
            f.amount = s.amount();
            f.currency = s.currency();
            f.figureQualifier = s.figureQualifier();
            save(f);
        }
        // findings are written only by the seed: one that left the file is retracted
        for (Finding f : Finding.<Finding>list("publication = ?1", Publication.published)) {
            if (!ids.contains(f.id)) {
                RecordWriter.retract(f, RecordWriter.SEED, "removed from the seed");
            }
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
            citation.source = em.find(Source.class, reference(Source.class, "source", c.source(), at + ".citations[" + i + "].source"));
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

    /** The ID of the record with this key (a problem when there is none). */
    private UUID reference(Class<?> type, String kind, String key, String at) {
        UUID id = SeedIds.of(kind, key);
        if (em.find(type, id) == null) {
            problems.add(at + ": no " + kind + " has the key '" + key + "'");
        }
        return id;
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
