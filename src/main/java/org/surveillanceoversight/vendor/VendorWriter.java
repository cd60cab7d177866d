package org.surveillanceoversight.vendor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.surveillanceoversight.common.errors.ApiProblem;
import org.surveillanceoversight.common.errors.FieldError;
import org.surveillanceoversight.common.records.PartialDate;
import org.surveillanceoversight.common.records.PublishableRecord;
import org.surveillanceoversight.country.Country;
import org.surveillanceoversight.history.PartIds;
import org.surveillanceoversight.history.RecordWriter;
import org.surveillanceoversight.source.CitationInput;
import org.surveillanceoversight.source.ClaimType;
import org.surveillanceoversight.source.Claims;
import org.surveillanceoversight.vendor.VendorInput.AliasInput;
import org.surveillanceoversight.vendor.VendorInput.RestrictionInput;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Writes vendors and their restrictions, each a cited claim, through the one write path. */
@ApplicationScoped
public class VendorWriter extends RecordWriter<Vendor, VendorInput> {

    @Inject
    Claims claims;

    public VendorWriter() {
        super("vendor", Vendor.class, VendorInput.class, Vendor::new);
    }

    @Override
    protected void check(Vendor v, VendorInput in, boolean isNew, boolean seeded) {
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
            if (r.id() != null && !seeded && (isNew || v.restrictions.stream().noneMatch(x -> x.isPublished() && x.id.equals(r.id())))) {
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

    @Override
    protected void apply(Vendor v, VendorInput in) {
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
        }).sorted(Comparator.comparing((Vendor.Alias a) -> a.alias)).toList();
        if (!sameAliases(v.aliases, aliases)) {
            v.aliases.clear();
            v.aliases.addAll(aliases);
        }
    }

    @Override
    protected void parts(Vendor v, VendorInput in, String actor, PartIds ids) {
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
        }, actor, reason, ids.chosenByWriter());
    }

    @Override
    protected VendorInput inputOf(Vendor v) {
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
