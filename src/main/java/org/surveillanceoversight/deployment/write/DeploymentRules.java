package org.surveillanceoversight.deployment.write;

import org.surveillanceoversight.common.errors.FieldError;
import org.surveillanceoversight.common.records.PartialDate;
import org.surveillanceoversight.common.records.Qualifier;
import org.surveillanceoversight.deployment.write.DeploymentInput.CameraCountInput;
import org.surveillanceoversight.deployment.write.DeploymentInput.CapabilityInput;
import org.surveillanceoversight.deployment.write.DeploymentInput.CriterionInput;
import org.surveillanceoversight.deployment.write.DeploymentInput.FinancingInput;
import org.surveillanceoversight.deployment.write.DeploymentInput.OversightInput;
import org.surveillanceoversight.deployment.write.DeploymentInput.StatusEventInput;
import org.surveillanceoversight.deployment.write.DeploymentInput.VendorRoleInput;
import org.surveillanceoversight.oversight.OversightCriterion;
import org.surveillanceoversight.source.CitationInput;
import org.surveillanceoversight.source.Claims.Part;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The rules a deployment must keep beyond the shape of its input (which bean validation checks):
 * what it refers to exists and is published, dates are real and in order, counts are consistent,
 * every score but "unknown" is cited. All broken rules are reported at once, each with the field
 * it is about. Plain Java over a {@link Registry} of what exists, so the rules are tested alone.
 */
public final class DeploymentRules {

    /** What the rules need to know about the rest of the registry. */
    public interface Registry {
        boolean isCountry(String code);

        boolean isPublishedDeployment(UUID id);

        /** The country of a published locality; empty when there is no published locality with this ID. */
        Optional<String> publishedLocalityCountry(UUID id);

        boolean isPublishedVendor(UUID id);

        boolean isCapability(String code);

        boolean isPublishedSource(UUID id);
    }

    /**
     * The deployment being written: its ID, whether it is new, its current published parts by
     * input field ("vendors", "status_history", ...), and whether the seed writes it (the seed
     * names its parts itself).
     */
    public record Target(UUID id, boolean isNew, Map<String, Set<UUID>> currentParts, boolean seeded) {

        Set<UUID> parts(String field) {
            return currentParts.getOrDefault(field, Set.of());
        }
    }

    private final Registry registry;
    private final Target target;
    private final List<FieldError> errors = new ArrayList<>();

    private DeploymentRules(Registry registry, Target target) {
        this.registry = registry;
        this.target = target;
    }

    /** Every rule the input breaks, in the order of its fields; empty when it keeps them all. */
    public static List<FieldError> check(DeploymentInput in, Target target, Registry registry) {
        DeploymentRules rules = new DeploymentRules(registry, target);
        rules.check(in);
        return List.copyOf(rules.errors);
    }

    private void check(DeploymentInput in) {
        if (!registry.isCountry(in.country())) {
            errors.add(new FieldError("country", "is not an ISO 3166-1 alpha-2 country code"));
        }
        if (in.parentId() != null && (in.parentId().equals(target.id()) || !registry.isPublishedDeployment(in.parentId()))) {
            errors.add(new FieldError("parent_id", "is not another published deployment"));
        }
        List<UUID> localityIds = orEmpty(in.localityIds());
        for (int i = 0; i < localityIds.size(); i++) {
            Optional<String> country = registry.publishedLocalityCountry(localityIds.get(i));
            if (country.isEmpty()) {
                errors.add(new FieldError("locality_ids[" + i + "]", "is not a published locality"));
            } else if (!country.get().equals(in.country())) {
                errors.add(new FieldError("locality_ids[" + i + "]", "is in " + country.get() + ", not in " + in.country()));
            }
        }
        citations("citations", in.citations());
        parts("vendors", in.vendors());
        parts("status_history", in.statusHistory());
        parts("camera_counts", in.cameraCounts());
        parts("capabilities", in.capabilities());
        parts("financing", in.financing());
        vendors(orEmpty(in.vendors()));
        List<CameraCountInput> counts = orEmpty(in.cameraCounts());
        for (int i = 0; i < counts.size(); i++) {
            cameraCount("camera_counts[" + i + "]", counts.get(i));
        }
        capabilities(orEmpty(in.capabilities()));
        statusHistory(orEmpty(in.statusHistory()));
        List<FinancingInput> financing = orEmpty(in.financing());
        // a package must stay: a current financing this request lists (one left out is retracted by it)
        Set<UUID> listed = new HashSet<>();
        financing.stream().map(FinancingInput::id).filter(Objects::nonNull).forEach(listed::add);
        Set<UUID> tranches = new HashSet<>(target.seeded() ? listed : target.parts("financing"));
        tranches.retainAll(listed);
        for (int i = 0; i < financing.size(); i++) {
            financing("financing[" + i + "]", financing.get(i), tranches);
        }
        trancheLinks(financing);
        if (in.oversight() != null) {
            oversight(in.oversight());
        }
    }

    private void vendors(List<VendorRoleInput> vendors) {
        Set<String> roles = new HashSet<>();
        for (int i = 0; i < vendors.size(); i++) {
            VendorRoleInput v = vendors.get(i);
            if (v.vendorId() == null || !registry.isPublishedVendor(v.vendorId())) {
                errors.add(new FieldError("vendors[" + i + "].vendor_id", "is not a published vendor"));
            }
            if (!roles.add(v.vendorId() + "/" + v.role())) {
                errors.add(new FieldError("vendors[" + i + "]", "repeats a vendor in the same role"));
            }
        }
    }

    private void capabilities(List<CapabilityInput> capabilities) {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < capabilities.size(); i++) {
            CapabilityInput c = capabilities.get(i);
            String at = "capabilities[" + i + "]";
            if (!registry.isCapability(c.code())) {
                errors.add(new FieldError(at + ".code", "is not in the capability taxonomy (GET /api/v1/capabilities)"));
            }
            if (!codes.add(c.code())) {
                errors.add(new FieldError(at + ".code", "is listed twice"));
            }
            dates(at, "since_on", c.sinceOn(), "until_on", c.untilOn());
        }
    }

    private void statusHistory(List<StatusEventInput> events) {
        PartialDate previous = null;
        for (int i = 0; i < events.size(); i++) {
            PartialDate at = date("status_history[" + i + "].occurred_on", events.get(i).occurredOn());
            if (at != null && previous != null && at.date().isBefore(previous.date())) {
                errors.add(new FieldError("status_history[" + i + "].occurred_on",
                        "is before an earlier event's date; list events in the order they happened"));
            }
            previous = at != null ? at : previous;
        }
    }

    private void oversight(OversightInput o) {
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
        range(at, c);
        countable(at + ".facial_recognition_qualifier", c.facialRecognitionQualifier());
        countable(at + ".plate_reading_qualifier", c.plateReadingQualifier());
        within(at, "facial_recognition", c.facialRecognition(), c.facialRecognitionQualifier(), c.total(), c.totalQualifier());
        within(at, "plate_reading", c.plateReading(), c.plateReadingQualifier(), c.total(), c.totalQualifier());
    }

    private void qualified(String at, String field, Integer value, Qualifier qualifier) {
        if ((value == null) != (qualifier == null)) {
            errors.add(new FieldError(at + "." + field + "_qualifier", value == null
                    ? "is given without " + field : "is required with " + field + " (exact, at_least, over, approximately or planned)"));
        }
    }

    /** A range ("6,200-7,000") is a total's lower end with its upper end; nothing else takes a range. */
    private void range(String at, CameraCountInput c) {
        if (c.totalQualifier() != Qualifier.range) {
            countable(at + ".total_qualifier", c.totalQualifier());
            if (c.totalUpper() != null) {
                errors.add(new FieldError(at + ".total_upper", "is given only with total_qualifier range"));
            }
        } else if (c.totalUpper() == null) {
            errors.add(new FieldError(at + ".total_upper", "is required with total_qualifier range"));
        } else if (c.total() != null && c.totalUpper() <= c.total()) {
            errors.add(new FieldError(at + ".total_upper", "is not above total (" + c.total() + ")"));
        }
    }

    /** A count or an amount is never a forecast, and only a camera total with its upper end is a range. */
    private void countable(String at, Qualifier qualifier) {
        if (qualifier != null && !Qualifier.OF_COUNTS_AND_AMOUNTS.contains(qualifier)) {
            errors.add(new FieldError(at, "is " + qualifier + ": use exact, at_least, over, approximately or planned"));
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

    /** A tranche belongs to a current financing of this deployment (the seed may name one it writes with it). */
    private void financing(String at, FinancingInput f, Set<UUID> tranches) {
        if (f.lenderCountry() != null && !registry.isCountry(f.lenderCountry())) {
            errors.add(new FieldError(at + ".lender_country", "is not an ISO 3166-1 alpha-2 country code"));
        }
        if (f.amount() != null && f.currency() == null) {
            errors.add(new FieldError(at + ".currency", "is required with amount"));
        }
        if ((f.amount() != null || f.amountUsd() != null) && f.amountQualifier() == null) {
            errors.add(new FieldError(at + ".amount_qualifier", "is required with an amount"));
        }
        countable(at + ".amount_qualifier", f.amountQualifier());
        if (f.gracePeriodYears() != null && f.maturityYears() != null && f.gracePeriodYears().compareTo(f.maturityYears()) > 0) {
            errors.add(new FieldError(at + ".grace_period_years", "is longer than maturity_years"));
        }
        dates(at, "signed_on", f.signedOn(), "ratified_on", f.ratifiedOn());
        if (f.trancheOf() != null && (f.trancheOf().equals(f.id()) || !tranches.contains(f.trancheOf()))) {
            errors.add(new FieldError(at + ".tranche_of", "is not another current financing of this deployment that this request keeps"));
        }
    }

    /**
     * A tranche_of_index names another financing of the same list, alone (not with tranche_of), and
     * following the packages named, by position or by ID, never leads back where it started.
     */
    private void trancheLinks(List<FinancingInput> financing) {
        Integer[] parents = parents(financing);
        for (int i = 0; i < financing.size(); i++) {
            FinancingInput f = financing.get(i);
            Integer position = f.trancheOfIndex();
            String at = "financing[" + i + "]." + (position == null ? "tranche_of" : "tranche_of_index");
            if (position != null && f.trancheOf() != null) {
                errors.add(new FieldError(at, "is given with tranche_of: give only one of them"));
            } else if (position != null && (position < 0 || position >= financing.size() || position == i)) {
                errors.add(new FieldError(at, "is not the position of another financing in this list"));
            } else if (inCycle(parents, i) && errors.stream().noneMatch(e -> e.field().equals(at))) {
                // (a tranche_of already refused for what it names is not called a cycle as well)
                errors.add(new FieldError(at, "makes a cycle of tranches"));
            }
        }
    }

    /**
     * The position in the list of the package each financing names, by tranche_of_index or by the ID
     * in tranche_of of another financing listed; null when it names none there (or a position outside).
     */
    static Integer[] parents(List<FinancingInput> financing) {
        Map<UUID, Integer> positions = new HashMap<>();
        for (int i = 0; i < financing.size(); i++) {
            if (financing.get(i).id() != null) {
                positions.putIfAbsent(financing.get(i).id(), i);
            }
        }
        Integer[] parents = new Integer[financing.size()];
        for (int i = 0; i < financing.size(); i++) {
            Integer position = financing.get(i).trancheOfIndex();
            parents[i] = position != null ? (position >= 0 && position < financing.size() ? position : null)
                    : financing.get(i).trancheOf() == null ? null : positions.get(financing.get(i).trancheOf());
        }
        return parents;
    }

    /** Whether following the packages named from this financing comes back to it. */
    private static boolean inCycle(Integer[] parents, int start) {
        Integer at = start;
        for (int step = 0; step < parents.length; step++) {
            at = parents[at];
            if (at == null) {
                return false;
            }
            if (at == start) {
                return true;
            }
        }
        return false;
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

    /** A part with an ID must be a current part of this deployment (the seed names new parts itself), listed once. */
    private void parts(String field, List<? extends Part> inputs) {
        List<? extends Part> list = orEmpty(inputs);
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            Part p = list.get(i);
            String at = field + "[" + i + "]";
            if (p.id() != null) {
                if (!target.seeded() && !target.parts(field).contains(p.id())) {
                    errors.add(new FieldError(at + ".id", target.isNew() ? "must be left out: the part is new"
                            : "is not a current part of this deployment; leave it out to add a new one"));
                } else if (!seen.add(p.id())) {
                    errors.add(new FieldError(at + ".id", "is listed twice"));
                }
            }
            citations(at + ".citations", p.citations());
        }
    }

    private void citations(String field, List<CitationInput> citations) {
        List<CitationInput> list = orEmpty(citations);
        for (int i = 0; i < list.size(); i++) {
            UUID source = list.get(i).sourceId();
            if (source == null || !registry.isPublishedSource(source)) {
                errors.add(new FieldError(field + "[" + i + "].source_id", "is not a published source"));
            }
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
