package org.surveillanceoversight.deployment.write;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.surveillanceoversight.capability.Capability;
import org.surveillanceoversight.common.errors.ApiProblem;
import org.surveillanceoversight.common.errors.FieldError;
import org.surveillanceoversight.common.records.PartialDate;
import org.surveillanceoversight.common.records.PublishableRecord;
import org.surveillanceoversight.country.Country;
import org.surveillanceoversight.country.Locality;
import org.surveillanceoversight.deployment.model.CameraCount;
import org.surveillanceoversight.deployment.model.Deployment;
import org.surveillanceoversight.deployment.model.DeploymentCapability;
import org.surveillanceoversight.deployment.model.DeploymentVendor;
import org.surveillanceoversight.deployment.model.Financing;
import org.surveillanceoversight.deployment.model.StatusEvent;
import org.surveillanceoversight.deployment.write.DeploymentInput.CameraCountInput;
import org.surveillanceoversight.deployment.write.DeploymentInput.CapabilityInput;
import org.surveillanceoversight.deployment.write.DeploymentInput.CriterionInput;
import org.surveillanceoversight.deployment.write.DeploymentInput.FinancingInput;
import org.surveillanceoversight.deployment.write.DeploymentInput.OversightInput;
import org.surveillanceoversight.deployment.write.DeploymentInput.StatusEventInput;
import org.surveillanceoversight.deployment.write.DeploymentInput.VendorRoleInput;
import org.surveillanceoversight.history.PartIds;
import org.surveillanceoversight.history.RecordWriter;
import org.surveillanceoversight.oversight.OversightAssessment;
import org.surveillanceoversight.oversight.OversightCriterion;
import org.surveillanceoversight.source.CitationInput;
import org.surveillanceoversight.source.ClaimType;
import org.surveillanceoversight.source.Claims;
import org.surveillanceoversight.source.Source;
import org.surveillanceoversight.vendor.Vendor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Writes deployments as whole aggregates through the one write path: the deployment and its
 * claims (vendor roles, status events, camera counts, capabilities, financing, oversight), each
 * with its citations. Its rules are {@link DeploymentRules}; here is how its input maps onto its
 * entities and parts.
 */
@ApplicationScoped
public class DeploymentWriter extends RecordWriter<Deployment, DeploymentInput> {

    @Inject
    Claims claims;

    public DeploymentWriter() {
        super("deployment", Deployment.class, DeploymentInput.class, Deployment::new);
    }

    @Override
    protected void check(Deployment d, DeploymentInput in, boolean isNew, boolean seeded) {
        Map<String, Set<UUID>> parts = new HashMap<>();
        if (!isNew) {
            parts.put("vendors", published(d.vendors));
            parts.put("status_history", published(d.statusEvents));
            parts.put("camera_counts", published(d.cameraCounts));
            parts.put("capabilities", published(d.capabilities));
            parts.put("financing", published(d.financing));
        }
        List<FieldError> errors = DeploymentRules.check(in, new DeploymentRules.Target(d.id, isNew, parts, seeded),
                registry);
        if (!errors.isEmpty()) {
            throw new ApiProblem("unprocessable", "Unprocessable request", 422,
                    "The deployment refers to records that do not exist or breaks a rule of the registry; see errors.",
                    errors);
        }
    }

    private static Set<UUID> published(List<? extends PublishableRecord> parts) {
        return parts.stream().filter(PublishableRecord::isPublished).map(p -> p.id).collect(Collectors.toSet());
    }

    /** What the rules ask of the registry, answered from the database. */
    private final DeploymentRules.Registry registry = new DeploymentRules.Registry() {
        @Override
        public boolean isCountry(String code) {
            return code != null && Country.findById(code) != null;
        }

        @Override
        public boolean isPublishedDeployment(UUID id) {
            return claims.published(Deployment.class, id);
        }

        @Override
        public Optional<String> publishedLocalityCountry(UUID id) {
            Locality l = id == null ? null : Locality.findById(id);
            return l == null || !l.isPublished() ? Optional.empty() : Optional.of(l.country.code);
        }

        @Override
        public boolean isPublishedVendor(UUID id) {
            return claims.published(Vendor.class, id);
        }

        @Override
        public boolean isCapability(String code) {
            return code != null && Capability.findById(code) != null;
        }

        @Override
        public boolean isPublishedSource(UUID id) {
            return claims.published(Source.class, id);
        }
    };

    @Override
    protected void apply(Deployment d, DeploymentInput in) {
        d.title = in.title().trim();
        d.summary = in.summary();
        d.programType = in.programType();
        d.parentId = in.parentId();
        d.country = Country.findById(in.country());
        d.operatorAgency = in.operatorAgency();
        d.publicSpaces = new ArrayList<>(orEmpty(in.publicSpaces()));
        d.confidence = in.confidence();
        d.confidenceNote = in.confidenceNote();
        Set<Locality> localities = new LinkedHashSet<>();
        orEmpty(in.localityIds()).forEach(id -> localities.add(Locality.findById(id)));
        if (!localities.equals(d.localities)) {
            d.localities.clear();
            d.localities.addAll(localities);
        }
    }

    /** Reconciles each kind of part; the deployment row must exist first. */
    @Override
    protected void parts(Deployment d, DeploymentInput in, String actor, PartIds partIds) {
        String reason = in.changeReason().trim();
        claims.cite(ClaimType.deployment, d.id, in.citations());
        claims.reconcile(in.vendors(), d.vendors, ClaimType.deployment_vendor, DeploymentVendor::new, (v, x) -> {
            v.deployment = d;
            v.vendor = Vendor.findById(x.vendorId());
            v.role = x.role();
            v.note = x.note();
        }, actor, reason, partIds.chosenByWriter());
        int[] next = {d.statusEvents.stream().mapToInt(e -> e.sequence).max().orElse(0)};
        claims.reconcile(in.statusHistory(), d.statusEvents, ClaimType.status_event, StatusEvent::new, (e, x) -> {
            e.deployment = d;
            if (e.sequence == 0) {
                e.sequence = ++next[0];
            }
            e.status = x.status();
            PartialDate at = PartialDate.parse(x.occurredOn());
            e.occurredOn = PartialDate.dateOf(at);
            e.occurredPrecision = PartialDate.precisionOf(at);
            e.note = x.note();
        }, actor, reason, partIds.chosenByWriter());
        claims.reconcile(in.cameraCounts(), d.cameraCounts, ClaimType.camera_count, CameraCount::new, (c, x) -> {
            c.deployment = d;
            PartialDate at = PartialDate.parse(x.observedOn());
            c.observedOn = PartialDate.dateOf(at);
            c.observedPrecision = PartialDate.precisionOf(at);
            c.total = x.total();
            c.totalQualifier = x.totalQualifier();
            c.totalUpper = x.totalUpper();
            c.facialRecognition = x.facialRecognition();
            c.facialRecognitionQualifier = x.facialRecognitionQualifier();
            c.plateReading = x.plateReading();
            c.plateReadingQualifier = x.plateReadingQualifier();
            c.basis = x.basis();
            c.scope = x.scope();
            c.note = x.note();
        }, actor, reason, partIds.chosenByWriter());
        claims.reconcile(in.capabilities(), d.capabilities, ClaimType.deployment_capability, DeploymentCapability::new, (c, x) -> {
            c.deployment = d;
            c.capabilityCode = x.code();
            c.evidenceLevel = x.evidenceLevel();
            PartialDate since = PartialDate.parse(x.sinceOn());
            c.sinceOn = PartialDate.dateOf(since);
            c.sincePrecision = PartialDate.precisionOf(since);
            PartialDate until = PartialDate.parse(x.untilOn());
            c.untilOn = PartialDate.dateOf(until);
            c.untilPrecision = PartialDate.precisionOf(until);
            c.note = x.note();
        }, actor, reason, partIds.chosenByWriter());
        List<FinancingInput> financing = orEmpty(in.financing());
        Map<FinancingInput, UUID> written = new IdentityHashMap<>();
        claims.reconcile(packagesFirst(financing), d.financing, ClaimType.financing, Financing::new, (f, x) -> {
            written.put(x, f.id);
            f.deployment = d;
            f.trancheOf = x.trancheOfIndex() == null ? x.trancheOf() : written.get(financing.get(x.trancheOfIndex()));
            f.instrument = x.instrument();
            f.description = x.description();
            f.lender = x.lender();
            f.lenderCountry = x.lenderCountry() == null ? null : Country.findById(x.lenderCountry());
            f.borrower = x.borrower();
            f.amount = x.amount();
            f.currency = x.currency();
            f.amountUsd = x.amountUsd();
            f.amountQualifier = x.amountQualifier();
            f.interestRatePct = x.interestRatePct();
            f.maturityYears = x.maturityYears();
            f.gracePeriodYears = x.gracePeriodYears();
            PartialDate signed = PartialDate.parse(x.signedOn());
            f.signedOn = PartialDate.dateOf(signed);
            f.signedPrecision = PartialDate.precisionOf(signed);
            PartialDate ratified = PartialDate.parse(x.ratifiedOn());
            f.ratifiedOn = PartialDate.dateOf(ratified);
            f.ratifiedPrecision = PartialDate.precisionOf(ratified);
            f.ratifiedBy = x.ratifiedBy();
            f.repaymentSource = x.repaymentSource();
            List<Financing.ExternalId> ids = orEmpty(x.externalIds()).stream().map(e -> {
                Financing.ExternalId id = new Financing.ExternalId();
                id.system = e.system();
                id.externalId = e.id();
                id.url = e.url();
                return id;
            }).toList();
            if (!sameExternalIds(f.externalIds, ids)) {
                f.externalIds.clear();
                f.externalIds.addAll(ids);
            }
        }, actor, reason, partIds.chosenByWriter());
        oversight(d, in.oversight(), actor, reason, partIds);
    }

    /**
     * The financing in an order where each package listed (named by position, or by ID) comes before
     * its tranches, so it has its ID, and its row, when they are written. The rules refuse cycles.
     */
    static List<FinancingInput> packagesFirst(List<FinancingInput> financing) {
        Integer[] parents = DeploymentRules.parents(financing);
        List<FinancingInput> ordered = new ArrayList<>();
        Set<Integer> placed = new HashSet<>();
        for (int i = 0; i < financing.size(); i++) {
            place(financing, parents, i, placed, ordered);
        }
        return ordered;
    }

    private static void place(List<FinancingInput> financing, Integer[] parents, int i, Set<Integer> placed,
                              List<FinancingInput> ordered) {
        if (!placed.add(i)) {
            return;
        }
        if (parents[i] != null) {
            place(financing, parents, parents[i], placed, ordered);
        }
        ordered.add(financing.get(i));
    }

    /**
     * The assessment with the input's date is updated (or made, or republished if it had been
     * retracted: a date holds one assessment); its criteria are matched by name, and those left
     * out retracted. Null retracts the current assessment, so an earlier one shows again.
     */
    private void oversight(Deployment d, OversightInput o, String actor, String reason, PartIds ids) {
        if (o == null) {
            d.currentAssessment().ifPresent(a -> RecordWriter.retract(a, actor, reason));
            return;
        }
        LocalDate asOf = LocalDate.parse(o.asOf());
        OversightAssessment a = d.assessments.stream().filter(x -> x.asOf.equals(asOf)).findFirst().orElse(null);
        if (a == null) {
            a = new OversightAssessment();
            a.id = ids.of("oversight_assessment", o.asOf());
            a.deploymentId = d.id;
            a.asOf = asOf;
        }
        RecordWriter.republish(a);
        a.assessedBy = o.assessedBy();
        a.note = o.note();
        if (!em.contains(a)) {
            em.persist(a);
            d.assessments.add(a);
        }
        Map<OversightCriterion.Criterion, OversightCriterion> existing = new HashMap<>();
        a.criteria.forEach(c -> existing.put(c.criterion, c));
        Set<OversightCriterion.Criterion> kept = new HashSet<>();
        for (CriterionInput in : orEmpty(o.criteria())) {
            OversightCriterion c = existing.get(in.criterion());
            if (c == null) {
                c = new OversightCriterion();
                c.id = ids.of("oversight_criterion", o.asOf() + "/" + in.criterion());
                c.assessment = a;
                c.criterion = in.criterion();
            }
            RecordWriter.republish(c);
            c.score = in.score();
            c.evidence = in.evidence();
            c.asOf = in.asOf() == null ? null : LocalDate.parse(in.asOf());
            if (!em.contains(c)) {
                em.persist(c);
                a.criteria.add(c);
            }
            kept.add(in.criterion());
            claims.cite(ClaimType.oversight_criterion, c.id, in.citations());
        }
        for (OversightCriterion c : a.criteria) {
            if (c.isPublished() && !kept.contains(c.criterion)) {
                RecordWriter.retract(c, actor, reason);
            }
        }
    }

    /** The deployment's current state as a write would send it: the form a merge patch applies to. */
    @Override
    protected DeploymentInput inputOf(Deployment d) {
        Map<UUID, List<CitationInput>> cited = citationsOf(d);
        return new DeploymentInput(d.title, d.summary, d.programType, d.parentId, d.country.code,
                d.localities.stream().map(l -> l.id).toList(), d.operatorAgency, List.copyOf(d.publicSpaces),
                d.confidence, d.confidenceNote, cited.getOrDefault(d.id, List.of()),
                d.vendors.stream().filter(PublishableRecord::isPublished).map(v -> new VendorRoleInput(v.id, v.vendor.id,
                        v.role, v.note, cited.getOrDefault(v.id, List.of()))).toList(),
                d.statusEvents.stream().filter(PublishableRecord::isPublished).map(e -> new StatusEventInput(e.id, e.status,
                        PartialDate.format(e.occurredOn, e.occurredPrecision), e.note, cited.getOrDefault(e.id, List.of())))
                        .toList(),
                d.cameraCounts.stream().filter(PublishableRecord::isPublished).map(c -> new CameraCountInput(c.id,
                        PartialDate.format(c.observedOn, c.observedPrecision), c.total, c.totalQualifier, c.totalUpper,
                        c.facialRecognition, c.facialRecognitionQualifier, c.plateReading, c.plateReadingQualifier,
                        c.basis, c.scope, c.note, cited.getOrDefault(c.id, List.of()))).toList(),
                d.capabilities.stream().filter(PublishableRecord::isPublished).map(c -> new CapabilityInput(c.id,
                        c.capabilityCode, c.evidenceLevel, PartialDate.format(c.sinceOn, c.sincePrecision),
                        PartialDate.format(c.untilOn, c.untilPrecision), c.note, cited.getOrDefault(c.id, List.of())))
                        .toList(),
                d.financing.stream().filter(PublishableRecord::isPublished).map(f -> new FinancingInput(f.id, f.trancheOf, null,
                        f.instrument, f.description, f.lender, f.lenderCountry == null ? null : f.lenderCountry.code,
                        f.borrower, f.amount, f.currency, f.amountUsd, f.amountQualifier, f.interestRatePct,
                        f.maturityYears, f.gracePeriodYears, PartialDate.format(f.signedOn, f.signedPrecision),
                        PartialDate.format(f.ratifiedOn, f.ratifiedPrecision), f.ratifiedBy, f.repaymentSource,
                        f.externalIds.stream().map(x -> new DeploymentInput.ExternalIdInput(x.system, x.externalId, x.url))
                                .toList(), cited.getOrDefault(f.id, List.of()))).toList(),
                d.currentAssessment().map(a -> new OversightInput(a.asOf.toString(), a.assessedBy, a.note,
                        a.criteria.stream().filter(PublishableRecord::isPublished).map(c -> new CriterionInput(c.criterion,
                                c.score, c.evidence, c.asOf == null ? null : c.asOf.toString(),
                                cited.getOrDefault(c.id, List.of()))).toList())).orElse(null),
                null);
    }

    private Map<UUID, List<CitationInput>> citationsOf(Deployment d) {
        List<UUID> ids = new ArrayList<>(List.of(d.id));
        d.vendors.forEach(x -> ids.add(x.id));
        d.statusEvents.forEach(x -> ids.add(x.id));
        d.cameraCounts.forEach(x -> ids.add(x.id));
        d.capabilities.forEach(x -> ids.add(x.id));
        d.financing.forEach(x -> ids.add(x.id));
        d.currentAssessment().ifPresent(a -> a.criteria.forEach(x -> ids.add(x.id)));
        return claims.inputsOf(ids);
    }

    private static boolean sameExternalIds(List<Financing.ExternalId> a, List<Financing.ExternalId> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            Financing.ExternalId x = a.get(i);
            Financing.ExternalId y = b.get(i);
            if (!Objects.equals(x.system, y.system) || !Objects.equals(x.externalId, y.externalId)
                    || !Objects.equals(x.url, y.url)) {
                return false;
            }
        }
        return true;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
