package org.surveillanceoversight.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import org.surveillanceoversight.auth.Caller;
import org.surveillanceoversight.capability.Capability;
import org.surveillanceoversight.common.errors.ApiProblem;
import org.surveillanceoversight.common.errors.FieldError;
import org.surveillanceoversight.common.http.IfMatch;
import org.surveillanceoversight.common.records.MergePatch;
import org.surveillanceoversight.common.records.PartialDate;
import org.surveillanceoversight.common.records.Publication;
import org.surveillanceoversight.common.records.PublishableRecord;
import org.surveillanceoversight.common.records.Qualifier;
import org.surveillanceoversight.history.Written;
import org.surveillanceoversight.country.Country;
import org.surveillanceoversight.country.Locality;
import org.surveillanceoversight.deployment.DeploymentInput.CameraCountInput;
import org.surveillanceoversight.deployment.DeploymentInput.CapabilityInput;
import org.surveillanceoversight.deployment.DeploymentInput.CriterionInput;
import org.surveillanceoversight.deployment.DeploymentInput.OversightInput;
import org.surveillanceoversight.oversight.OversightAssessment;
import org.surveillanceoversight.oversight.OversightCriterion;
import org.surveillanceoversight.source.CitationInput;
import org.surveillanceoversight.source.Claims;
import org.surveillanceoversight.deployment.DeploymentInput.FinancingInput;
import org.surveillanceoversight.source.Claims.Part;
import org.surveillanceoversight.deployment.DeploymentInput.StatusEventInput;
import org.surveillanceoversight.deployment.DeploymentInput.VendorRoleInput;
import org.surveillanceoversight.history.History;
import org.surveillanceoversight.history.Idempotency;
import org.surveillanceoversight.source.ClaimType;
import org.surveillanceoversight.vendor.Vendor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Writes deployments as whole aggregates: the deployment and its claims (vendor roles, status
 * events, camera counts, capabilities, financing), each with its citations, in one transaction
 * that ends with a revision. The aggregate's ETag is its summary revision, which every change to
 * any part raises; a write locks that row first, so of two editors with one ETag exactly one wins.
 */
@ApplicationScoped
public class DeploymentWriter {

    @Inject
    EntityManager em;

    @Inject
    History history;

    @Inject
    Idempotency idempotency;

    @Inject
    MergePatch mergePatch;

    @Inject
    Claims claims;

    @Transactional
    public Written create(DeploymentInput input, Caller caller, String idempotencyKey, String collectionUri) {
        return idempotency.once(caller, idempotencyKey, "POST " + collectionUri + " " + mergePatch.toJson(input), () -> {
            Deployment d = new Deployment();
            d.id = UUID.randomUUID();
            Edit edit = new Edit(d, caller, input.changeReason());
            edit.check(input, true);
            edit.apply(input);
            d.persist();
            edit.parts(input);
            return written(201, collectionUri + "/" + d.id, d.id, caller, input.changeReason());
        });
    }

    @Transactional
    public Written update(UUID id, DeploymentInput input, String ifMatch, Caller caller) {
        return write(current(id, ifMatch), input, caller);
    }

    /** Applies an RFC 7396 merge patch to the deployment in its input form, then writes it like a PUT. */
    @Transactional
    public Written patch(UUID id, JsonNode patch, String ifMatch, Caller caller) {
        Deployment d = current(id, ifMatch);
        return write(d, mergePatch.apply(inputOf(d), patch, DeploymentInput.class), caller);
    }

    private Written write(Deployment d, DeploymentInput input, Caller caller) {
        Edit edit = new Edit(d, caller, input.changeReason());
        edit.check(input, false);
        edit.apply(input);
        edit.parts(input);
        return written(200, null, d.id, caller, input.changeReason());
    }

    /** A merge patch against the deployment as it is now (an accepted submission; no ETag to compare). */
    @Transactional
    public Written patchCurrent(UUID id, JsonNode patch, Caller caller) {
        @SuppressWarnings("unchecked")
        List<Number> rows = em.createNativeQuery("select revision from deployment_summary where deployment_id = :id")
                .setParameter("id", id).getResultList();
        if (rows.isEmpty()) {
            throw ApiProblem.notFound("deployment", id);
        }
        return patch(id, patch, etag(rows.get(0).longValue()), caller);
    }

    @Transactional
    public Written retract(UUID id, String reason, String ifMatch, Caller caller) {
        Deployment d = current(id, ifMatch);
        if (d.publication == Publication.retracted) {
            throw new ApiProblem("already-retracted", "Already retracted", 409,
                    "This deployment was retracted at " + d.retractedAt + ".", List.of());
        }
        Claims.retract(d, caller, reason.trim());
        return written(200, null, d.id, caller, reason.trim());
    }

    /** The deployment's strong ETag: its summary revision, raised by any change to anything it shows. */
    public static String etag(long revision) {
        return "\"r" + revision + "\"";
    }

    /** Locks the deployment's summary row, then checks the caller read its current revision. */
    private Deployment current(UUID id, String ifMatch) {
        String expected = IfMatch.require(ifMatch);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select revision, publication from deployment_summary "
                + "where deployment_id = :id for update").setParameter("id", id).getResultList();
        if (rows.isEmpty() || "draft".equals(rows.get(0)[1])) {
            throw ApiProblem.notFound("deployment", id);
        }
        String now = etag(((Number) rows.get(0)[0]).longValue());
        if (!now.equals(expected)) {
            throw IfMatch.stale("The deployment changed since you read it; its ETag is now " + now
                    + ". Read it again and reapply your change.");
        }
        return Deployment.findById(id);
    }

    private Written written(int status, String location, UUID id, Caller caller, String reason) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw IfMatch.stale("Another write to this deployment was committed first; read it again and reapply your change.");
        }
        JsonNode view = history.record(caller, reason, "deployment", id);
        Number revision = (Number) em.createNativeQuery("select revision from deployment_summary where deployment_id = :id")
                .setParameter("id", id).getSingleResult();
        return new Written(status, location, mergePatch.toJson(view), etag(revision.longValue()));
    }

    /** The input form of a public deployment, for clients that edit it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<DeploymentInput> input(UUID id) {
        return Deployment.<Deployment>findByIdOptional(id).filter(d -> d.publication != Publication.draft).map(this::inputOf);
    }

    /** The deployment's current state as a write would send it: the form a merge patch applies to. */
    DeploymentInput inputOf(Deployment d) {
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
                        PartialDate.format(c.observedOn, c.observedPrecision), c.total, c.totalQualifier,
                        c.facialRecognition, c.facialRecognitionQualifier, c.plateReading, c.plateReadingQualifier,
                        c.basis, c.scope, c.note, cited.getOrDefault(c.id, List.of()))).toList(),
                d.capabilities.stream().filter(PublishableRecord::isPublished).map(c -> new CapabilityInput(c.id,
                        c.capabilityCode, c.evidenceLevel, PartialDate.format(c.sinceOn, c.sincePrecision),
                        PartialDate.format(c.untilOn, c.untilPrecision), c.note, cited.getOrDefault(c.id, List.of())))
                        .toList(),
                d.financing.stream().filter(PublishableRecord::isPublished).map(f -> new FinancingInput(f.id, f.trancheOf,
                        f.instrument, f.description, f.lender, f.lenderCountry == null ? null : f.lenderCountry.code,
                        f.borrower, f.amount, f.currency, f.amountUsd, f.amountQualifier, f.interestRatePct,
                        f.maturityYears, f.gracePeriodYears, PartialDate.format(f.signedOn, f.signedPrecision),
                        PartialDate.format(f.ratifiedOn, f.ratifiedPrecision), f.ratifiedBy, f.repaymentSource,
                        f.externalIds.stream().map(x -> new DeploymentInput.ExternalIdInput(x.system, x.externalId, x.url))
                                .toList(), cited.getOrDefault(f.id, List.of()))).toList(),
                DeploymentMapper.latestAssessment(d).map(a -> new OversightInput(a.asOf.toString(), a.assessedBy, a.note,
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
        DeploymentMapper.latestAssessment(d).ifPresent(a -> a.criteria.forEach(x -> ids.add(x.id)));
        return claims.inputsOf(ids);
    }

    /** One write to one deployment: checks what the input refers to, then applies it part by part. */
    private final class Edit {

        private final Deployment d;
        private final Caller caller;
        private final String reason;
        private final List<FieldError> errors = new ArrayList<>();

        Edit(Deployment d, Caller caller, String reason) {
            this.d = d;
            this.caller = caller;
            this.reason = reason.trim();
        }

        /** Every reference and cross-field rule, all reported at once as 422 with the fields named. */
        void check(DeploymentInput in, boolean isNew) {
            if (Country.findById(in.country()) == null) {
                errors.add(new FieldError("country", "is not an ISO 3166-1 alpha-2 country code"));
            }
            if (in.parentId() != null && (in.parentId().equals(d.id) || !published(Deployment.class, in.parentId()))) {
                errors.add(new FieldError("parent_id", "is not another published deployment"));
            }
            List<UUID> localityIds = orEmpty(in.localityIds());
            for (int i = 0; i < localityIds.size(); i++) {
                Locality l = Locality.findById(localityIds.get(i));
                if (l == null || !l.isPublished()) {
                    errors.add(new FieldError("locality_ids[" + i + "]", "is not a published locality"));
                } else if (!l.country.code.equals(in.country())) {
                    errors.add(new FieldError("locality_ids[" + i + "]", "is in " + l.country.code + ", not in " + in.country()));
                }
            }
            citations("citations", in.citations());
            parts("vendors", in.vendors(), DeploymentVendor.class, isNew);
            parts("status_history", in.statusHistory(), StatusEvent.class, isNew);
            parts("camera_counts", in.cameraCounts(), CameraCount.class, isNew);
            parts("capabilities", in.capabilities(), DeploymentCapability.class, isNew);
            parts("financing", in.financing(), Financing.class, isNew);
            List<VendorRoleInput> vendors = orEmpty(in.vendors());
            Set<String> roles = new HashSet<>();
            for (int i = 0; i < vendors.size(); i++) {
                VendorRoleInput v = vendors.get(i);
                if (!published(Vendor.class, v.vendorId())) {
                    errors.add(new FieldError("vendors[" + i + "].vendor_id", "is not a published vendor"));
                }
                if (!roles.add(v.vendorId() + "/" + v.role())) {
                    errors.add(new FieldError("vendors[" + i + "]", "repeats a vendor in the same role"));
                }
            }
            List<CameraCountInput> counts = orEmpty(in.cameraCounts());
            for (int i = 0; i < counts.size(); i++) {
                cameraCount("camera_counts[" + i + "]", counts.get(i));
            }
            List<CapabilityInput> capabilities = orEmpty(in.capabilities());
            Set<String> codes = new HashSet<>();
            for (int i = 0; i < capabilities.size(); i++) {
                CapabilityInput c = capabilities.get(i);
                String at = "capabilities[" + i + "]";
                if (Capability.findById(c.code()) == null) {
                    errors.add(new FieldError(at + ".code", "is not in the capability taxonomy (GET /api/v1/capabilities)"));
                }
                if (!codes.add(c.code())) {
                    errors.add(new FieldError(at + ".code", "is listed twice"));
                }
                dates(at, "since_on", c.sinceOn(), "until_on", c.untilOn());
            }
            List<StatusEventInput> events = orEmpty(in.statusHistory());
            PartialDate previous = null;
            for (int i = 0; i < events.size(); i++) {
                PartialDate at = date("status_history[" + i + "].occurred_on", events.get(i).occurredOn());
                if (at != null && previous != null && at.date().isBefore(previous.date())) {
                    errors.add(new FieldError("status_history[" + i + "].occurred_on",
                            "is before an earlier event's date; list events in the order they happened"));
                }
                previous = at != null ? at : previous;
            }
            List<FinancingInput> financing = orEmpty(in.financing());
            for (int i = 0; i < financing.size(); i++) {
                financing("financing[" + i + "]", financing.get(i));
            }
            if (in.oversight() != null) {
                checkOversight(in.oversight());
            }
            if (!errors.isEmpty()) {
                throw new ApiProblem("unprocessable", "Unprocessable request", 422,
                        "The deployment refers to records that do not exist or breaks a rule of the registry; see errors.",
                        errors);
            }
        }

        private void checkOversight(OversightInput o) {
            date("oversight.as_of", o.asOf());
            List<CriterionInput> criteria = orEmpty(o.criteria());
            Set<OversightCriterion.Criterion> seen = new HashSet<>();
            for (int i = 0; i < criteria.size(); i++) {
                CriterionInput c = criteria.get(i);
                String at = "oversight.criteria[" + i + "]";
                if (!seen.add(c.criterion())) {
                    errors.add(new FieldError(at + ".criterion", "is listed twice"));
                }
                date(at + ".as_of", c.asOf());
                // "unknown" asserts nothing and needs no source; every other score is a claim
                if (c.score() != OversightCriterion.Score.unknown && orEmpty(c.citations()).isEmpty()) {
                    errors.add(new FieldError(at + ".citations", "a score of " + c.score() + " needs at least one citation"));
                }
                citations(at + ".citations", c.citations());
            }
        }

        private void cameraCount(String at, CameraCountInput c) {
            date(at + ".observed_on", c.observedOn());
            if (c.total() == null && c.facialRecognition() == null && c.plateReading() == null) {
                errors.add(new FieldError(at, "needs at least one of total, facial_recognition and plate_reading"));
            }
            qualified(at, "total", c.total(), c.totalQualifier());
            qualified(at, "facial_recognition", c.facialRecognition(), c.facialRecognitionQualifier());
            qualified(at, "plate_reading", c.plateReading(), c.plateReadingQualifier());
            within(at, "facial_recognition", c.facialRecognition(), c.facialRecognitionQualifier(), c.total(), c.totalQualifier());
            within(at, "plate_reading", c.plateReading(), c.plateReadingQualifier(), c.total(), c.totalQualifier());
        }

        private void qualified(String at, String field, Integer value, Qualifier qualifier) {
            if ((value == null) != (qualifier == null)) {
                errors.add(new FieldError(at + "." + field + "_qualifier", value == null
                        ? "is given without " + field : "is required with " + field + " (exact, at_least, over, approximately or planned)"));
            }
        }

        /** A subset never outnumbers an exact total (a lower bound may not exceed it either). */
        private void within(String at, String field, Integer value, Qualifier qualifier, Integer total, Qualifier totalQualifier) {
            if (value == null || total == null || totalQualifier != Qualifier.exact || qualifier == null) {
                return;
            }
            boolean above = switch (qualifier) {
                case exact, at_least -> value > total;
                case over -> value >= total;
                default -> false;
            };
            if (above) {
                errors.add(new FieldError(at + "." + field, "is above the exact total of " + total));
            }
        }

        private void financing(String at, FinancingInput f) {
            if (f.lenderCountry() != null && Country.findById(f.lenderCountry()) == null) {
                errors.add(new FieldError(at + ".lender_country", "is not an ISO 3166-1 alpha-2 country code"));
            }
            if (f.amount() != null && f.currency() == null) {
                errors.add(new FieldError(at + ".currency", "is required with amount"));
            }
            if ((f.amount() != null || f.amountUsd() != null) && f.amountQualifier() == null) {
                errors.add(new FieldError(at + ".amount_qualifier", "is required with an amount"));
            }
            if (f.gracePeriodYears() != null && f.maturityYears() != null && f.gracePeriodYears().compareTo(f.maturityYears()) > 0) {
                errors.add(new FieldError(at + ".grace_period_years", "is longer than maturity_years"));
            }
            dates(at, "signed_on", f.signedOn(), "ratified_on", f.ratifiedOn());
            if (f.trancheOf() != null && (f.trancheOf().equals(f.id()) || d.financing.stream()
                    .noneMatch(x -> x.isPublished() && x.id.equals(f.trancheOf())))) {
                errors.add(new FieldError(at + ".tranche_of", "is not another current financing of this deployment"));
            }
        }

        private void dates(String at, String fromName, String from, String toName, String to) {
            PartialDate start = date(at + "." + fromName, from);
            PartialDate end = date(at + "." + toName, to);
            if (start != null && end != null && end.date().isBefore(start.date())) {
                errors.add(new FieldError(at + "." + toName, "is before " + fromName));
            }
        }

        private PartialDate date(String field, String text) {
            try {
                return PartialDate.parse(text);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(field, "is not a real date"));
                return null;
            }
        }

        private <P extends Part> void parts(String field, List<P> inputs, Class<? extends PublishableRecord> type,
                                            boolean isNew) {
            List<P> list = orEmpty(inputs);
            Set<UUID> seen = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                P p = list.get(i);
                String at = field + "[" + i + "]";
                if (p.id() != null) {
                    PublishableRecord existing = isNew ? null : em.find(type, p.id());
                    if (existing == null || !existing.isPublished() || !ownedHere(existing)) {
                        errors.add(new FieldError(at + ".id", isNew ? "must be left out: the part is new"
                                : "is not a current part of this deployment; leave it out to add a new one"));
                    } else if (!seen.add(p.id())) {
                        errors.add(new FieldError(at + ".id", "is listed twice"));
                    }
                }
                citations(at + ".citations", p.citations());
            }
        }

        private boolean ownedHere(PublishableRecord part) {
            Deployment owner = part instanceof DeploymentVendor x ? x.deployment
                    : part instanceof StatusEvent x ? x.deployment
                    : part instanceof CameraCount x ? x.deployment
                    : part instanceof DeploymentCapability x ? x.deployment
                    : part instanceof Financing x ? x.deployment : null;
            return owner != null && owner.id.equals(d.id);
        }

        private void citations(String field, List<CitationInput> citations) {
            claims.checkCitations(field, citations, errors);
        }

        private boolean published(Class<? extends PublishableRecord> type, UUID id) {
            return claims.published(type, id);
        }

        void apply(DeploymentInput in) {
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
        void parts(DeploymentInput in) {
            claims.cite(ClaimType.deployment, d.id, in.citations());
            claims.reconcile(in.vendors(), d.vendors, ClaimType.deployment_vendor, DeploymentVendor::new, (v, x) -> {
                v.deployment = d;
                v.vendor = Vendor.findById(x.vendorId());
                v.role = x.role();
                v.note = x.note();
            }, caller, reason);
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
            }, caller, reason);
            claims.reconcile(in.cameraCounts(), d.cameraCounts, ClaimType.camera_count, CameraCount::new, (c, x) -> {
                c.deployment = d;
                PartialDate at = PartialDate.parse(x.observedOn());
                c.observedOn = PartialDate.dateOf(at);
                c.observedPrecision = PartialDate.precisionOf(at);
                c.total = x.total();
                c.totalQualifier = x.totalQualifier();
                c.facialRecognition = x.facialRecognition();
                c.facialRecognitionQualifier = x.facialRecognitionQualifier();
                c.plateReading = x.plateReading();
                c.plateReadingQualifier = x.plateReadingQualifier();
                c.basis = x.basis();
                c.scope = x.scope();
                c.note = x.note();
            }, caller, reason);
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
            }, caller, reason);
            claims.reconcile(in.financing(), d.financing, ClaimType.financing, Financing::new, (f, x) -> {
                f.deployment = d;
                f.trancheOf = x.trancheOf();
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
            }, caller, reason);
            oversight(in.oversight());
        }

        /**
         * The assessment with the input's date is updated (or made, or republished if it had been
         * retracted: a date holds one assessment); its criteria are matched by name, and those left
         * out retracted. Null retracts the current assessment, so an earlier one shows again.
         */
        private void oversight(OversightInput o) {
            if (o == null) {
                DeploymentMapper.latestAssessment(d).ifPresent(a -> Claims.retract(a, caller, reason));
                return;
            }
            LocalDate asOf = LocalDate.parse(o.asOf());
            OversightAssessment a = d.assessments.stream().filter(x -> x.asOf.equals(asOf)).findFirst().orElse(null);
            if (a == null) {
                a = new OversightAssessment();
                a.id = UUID.randomUUID();
                a.deploymentId = d.id;
                a.asOf = asOf;
            }
            republish(a);
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
                    c.id = UUID.randomUUID();
                    c.assessment = a;
                    c.criterion = in.criterion();
                }
                republish(c);
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
                    Claims.retract(c, caller, reason);
                }
            }
        }

        /** A row that a date or a name identifies is written again rather than duplicated; the history keeps its retraction. */
        private void republish(PublishableRecord r) {
            if (r.publication == Publication.retracted) {
                r.publication = Publication.published;
                r.retractedAt = null;
                r.retractedBy = null;
                r.retractionReason = null;
            }
        }
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
