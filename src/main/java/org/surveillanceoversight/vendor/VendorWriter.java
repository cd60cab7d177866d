package org.surveillanceoversight.vendor;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.surveillanceoversight.auth.Caller;
import org.surveillanceoversight.common.errors.ApiProblem;
import org.surveillanceoversight.common.http.ContentTag;
import org.surveillanceoversight.common.errors.FieldError;
import org.surveillanceoversight.common.http.IfMatch;
import org.surveillanceoversight.common.records.MergePatch;
import org.surveillanceoversight.common.records.PartialDate;
import org.surveillanceoversight.common.records.Publication;
import org.surveillanceoversight.common.records.PublishableRecord;
import org.surveillanceoversight.history.Written;
import org.surveillanceoversight.country.Country;
import org.surveillanceoversight.history.History;
import org.surveillanceoversight.history.Idempotency;
import org.surveillanceoversight.source.CitationInput;
import org.surveillanceoversight.source.ClaimType;
import org.surveillanceoversight.source.Claims;
import org.surveillanceoversight.vendor.VendorInput.AliasInput;
import org.surveillanceoversight.vendor.VendorInput.RestrictionInput;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes vendors and their restrictions, each a cited claim, in one transaction ending with a
 * revision. The ETag is a hash of the vendor as GET shows it; a write locks the vendor's row and
 * compares, so of two editors with one ETag exactly one wins.
 */
@ApplicationScoped
public class VendorWriter {

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

    @Inject
    VendorService vendors;

    @Transactional
    public Written create(VendorInput input, Caller caller, String idempotencyKey, String collectionUri) {
        return idempotency.once(caller, idempotencyKey, "POST " + collectionUri + " " + mergePatch.toJson(input), () -> {
            Vendor v = new Vendor();
            v.id = UUID.randomUUID();
            check(v, input, true);
            apply(v, input);
            v.persist();
            parts(v, input, caller);
            return written(201, collectionUri + "/" + v.id, v.id, caller, input.changeReason());
        });
    }

    @Transactional
    public Written update(UUID id, VendorInput input, String ifMatch, Caller caller) {
        return write(current(id, ifMatch), input, caller);
    }

    @Transactional
    public Written patch(UUID id, JsonNode patch, String ifMatch, Caller caller) {
        Vendor v = current(id, ifMatch);
        return write(v, mergePatch.apply(inputOf(v), patch, VendorInput.class), caller);
    }

    private Written write(Vendor v, VendorInput input, Caller caller) {
        check(v, input, false);
        apply(v, input);
        parts(v, input, caller);
        return written(200, null, v.id, caller, input.changeReason());
    }

    /** A merge patch against the vendor as it is now (an accepted submission; no ETag to compare). */
    @Transactional
    public Written patchCurrent(UUID id, JsonNode patch, Caller caller) {
        List<VendorView> now = vendors.views(List.of(id));
        if (now.isEmpty()) {
            throw ApiProblem.notFound("vendor", id);
        }
        return patch(id, patch, ContentTag.of(mergePatch.toJson(now.get(0))), caller);
    }

    @Transactional
    public Written retract(UUID id, String reason, String ifMatch, Caller caller) {
        Vendor v = current(id, ifMatch);
        if (v.publication == Publication.retracted) {
            throw new ApiProblem("already-retracted", "Already retracted", 409,
                    "This vendor was retracted at " + v.retractedAt + ".", List.of());
        }
        Claims.retract(v, caller, reason.trim());
        return written(200, null, v.id, caller, reason.trim());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<VendorInput> input(UUID id) {
        return Vendor.<Vendor>findByIdOptional(id).filter(v -> v.publication != Publication.draft).map(this::inputOf);
    }

    private Vendor current(UUID id, String ifMatch) {
        String expected = IfMatch.require(ifMatch);
        Vendor v = em.find(Vendor.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (v == null || v.publication == Publication.draft) {
            throw ApiProblem.notFound("vendor", id);
        }
        String now = ContentTag.of(mergePatch.toJson(vendors.views(List.of(id)).get(0)));
        if (!now.equals(expected)) {
            throw IfMatch.stale("The vendor changed since you read it; its ETag is now " + now
                    + ". Read it again and reapply your change.");
        }
        return v;
    }

    private Written written(int status, String location, UUID id, Caller caller, String reason) {
        JsonNode view = history.record(caller, reason, "vendor", id);
        String body = mergePatch.toJson(view);
        return new Written(status, location, body, ContentTag.of(body));
    }

    private void check(Vendor v, VendorInput in, boolean isNew) {
        List<FieldError> errors = new ArrayList<>();
        if (in.hqCountry() != null && Country.findById(in.hqCountry()) == null) {
            errors.add(new FieldError("hq_country", "is not an ISO 3166-1 alpha-2 country code"));
        }
        if (Vendor.count("lower(name) = lower(?1) and id <> ?2", in.name().trim(), v.id) > 0) {
            errors.add(new FieldError("name", "is the name of another vendor"));
        }
        claims.checkCitations("citations", in.citations(), errors);
        List<RestrictionInput> restrictions = Claims.orEmpty(in.restrictions());
        for (int i = 0; i < restrictions.size(); i++) {
            RestrictionInput r = restrictions.get(i);
            String at = "restrictions[" + i + "]";
            if (r.id() != null && (isNew || v.restrictions.stream().noneMatch(x -> x.isPublished() && x.id.equals(r.id())))) {
                errors.add(new FieldError(at + ".id", "is not a current restriction of this vendor; leave it out to add one"));
            }
            PartialDate start = date(at + ".effective_on", r.effectiveOn(), errors);
            PartialDate end = date(at + ".ended_on", r.endedOn(), errors);
            if (start != null && end != null && end.date().isBefore(start.date())) {
                errors.add(new FieldError(at + ".ended_on", "is before effective_on"));
            }
            claims.checkCitations(at + ".citations", r.citations(), errors);
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem("unprocessable", "Unprocessable request", 422,
                    "The vendor refers to records that do not exist or breaks a rule of the registry; see errors.", errors);
        }
    }

    private static PartialDate date(String field, String text, List<FieldError> errors) {
        try {
            return PartialDate.parse(text);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "is not a real date"));
            return null;
        }
    }

    private static void apply(Vendor v, VendorInput in) {
        v.name = in.name().trim();
        v.hqCountry = in.hqCountry() == null ? null : Country.findById(in.hqCountry());
        v.ownership = in.ownership();
        v.ownershipNote = in.ownershipNote();
        v.website = in.website();
        List<Vendor.Alias> aliases = Claims.orEmpty(in.aliases()).stream().map(a -> {
            Vendor.Alias alias = new Vendor.Alias();
            alias.alias = a.alias();
            alias.language = a.language();
            return alias;
        }).sorted(java.util.Comparator.comparing((Vendor.Alias a) -> a.alias)).toList();
        if (!sameAliases(v.aliases, aliases)) {
            v.aliases.clear();
            v.aliases.addAll(aliases);
        }
    }

    private void parts(Vendor v, VendorInput in, Caller caller) {
        String reason = in.changeReason().trim();
        claims.cite(ClaimType.vendor, v.id, in.citations());
        claims.reconcile(in.restrictions(), v.restrictions, ClaimType.vendor_restriction, VendorRestriction::new, (r, x) -> {
            r.vendor = v;
            r.kind = x.kind();
            r.jurisdiction = x.jurisdiction();
            r.authority = x.authority();
            r.description = x.description();
            PartialDate effective = PartialDate.parse(x.effectiveOn());
            r.effectiveOn = PartialDate.dateOf(effective);
            r.effectivePrecision = PartialDate.precisionOf(effective);
            PartialDate ended = PartialDate.parse(x.endedOn());
            r.endedOn = PartialDate.dateOf(ended);
            r.endedPrecision = PartialDate.precisionOf(ended);
        }, caller, reason);
    }

    VendorInput inputOf(Vendor v) {
        List<UUID> ids = new ArrayList<>(List.of(v.id));
        v.restrictions.forEach(r -> ids.add(r.id));
        Map<UUID, List<CitationInput>> cited = claims.inputsOf(ids);
        return new VendorInput(v.name, v.hqCountry == null ? null : v.hqCountry.code, v.ownership, v.ownershipNote,
                v.website, v.aliases.stream().map(a -> new AliasInput(a.alias, a.language)).toList(),
                v.restrictions.stream().filter(PublishableRecord::isPublished).map(r -> new RestrictionInput(r.id, r.kind,
                        r.jurisdiction, r.authority, r.description, PartialDate.format(r.effectiveOn, r.effectivePrecision),
                        PartialDate.format(r.endedOn, r.endedPrecision), cited.getOrDefault(r.id, List.of()))).toList(),
                cited.getOrDefault(v.id, List.of()), null);
    }

    private static boolean sameAliases(List<Vendor.Alias> a, List<Vendor.Alias> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Objects.equals(a.get(i).alias, b.get(i).alias) || !Objects.equals(a.get(i).language, b.get(i).language)) {
                return false;
            }
        }
        return true;
    }
}
