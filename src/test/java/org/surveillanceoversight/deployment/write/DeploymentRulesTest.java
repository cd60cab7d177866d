package org.surveillanceoversight.deployment.write;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import org.junit.jupiter.api.Test;
import org.surveillanceoversight.common.errors.FieldError;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The 422 rules of a deployment, alone: no database, no HTTP, a registry of what exists made up here. */
class DeploymentRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    private static final UUID SOURCE = UUID.randomUUID();
    private static final UUID RETRACTED_SOURCE = UUID.randomUUID();
    private static final UUID VENDOR = UUID.randomUUID();
    private static final UUID PARENT = UUID.randomUUID();
    private static final UUID LOCALITY_IN_TJ = UUID.randomUUID();
    private static final UUID DEPLOYMENT = UUID.randomUUID();

    private static final DeploymentRules.Registry REGISTRY = new DeploymentRules.Registry() {
        @Override
        public boolean isCountry(String code) {
            return Set.of("TJ", "KG", "CN").contains(code);
        }

        @Override
        public boolean isPublishedDeployment(UUID id) {
            return PARENT.equals(id) || DEPLOYMENT.equals(id);
        }

        @Override
        public Optional<String> publishedLocalityCountry(UUID id) {
            return LOCALITY_IN_TJ.equals(id) ? Optional.of("TJ") : Optional.empty();
        }

        @Override
        public boolean isPublishedVendor(UUID id) {
            return VENDOR.equals(id);
        }

        @Override
        public boolean isCapability(String code) {
            return Set.of("face_identification_realtime", "plate_reading").contains(code);
        }

        @Override
        public boolean isPublishedSource(UUID id) {
            return SOURCE.equals(id);
        }
    };

    private static Map<String, Object> cited(Map<String, Object> part) {
        Map<String, Object> p = new HashMap<>(part);
        p.put("citations", List.of(Map.of("source_id", SOURCE.toString(), "quote", "as quoted")));
        return p;
    }

    private static Map<String, Object> valid() {
        Map<String, Object> in = new HashMap<>();
        in.put("title", "Dushanbe Safe City");
        in.put("program_type", "safe_city");
        in.put("country", "TJ");
        in.put("confidence", "high");
        in.put("locality_ids", List.of(LOCALITY_IN_TJ.toString()));
        in.put("citations", List.of(Map.of("source_id", SOURCE.toString(), "quote", "as quoted")));
        in.put("vendors", List.of(cited(Map.of("vendor_id", VENDOR.toString(), "role", "supplier"))));
        in.put("status_history", new ArrayList<>(List.of(cited(Map.of("status", "announced", "occurred_on", "2018")),
                cited(Map.of("status", "operational", "occurred_on", "2019-06")))));
        in.put("camera_counts", List.of(cited(Map.of("observed_on", "2019", "total", 1000, "total_qualifier", "exact",
                "facial_recognition", 100, "facial_recognition_qualifier", "over"))));
        in.put("capabilities", List.of(cited(Map.of("code", "plate_reading", "evidence_level", "reported"))));
        in.put("financing", List.of(cited(Map.of("instrument", "loan", "amount", "20900000.00", "currency", "USD",
                "amount_qualifier", "approximately", "maturity_years", "20", "grace_period_years", "5"))));
        in.put("change_reason", "test");
        return in;
    }

    private static List<FieldError> check(Map<String, Object> in, boolean isNew, Map<String, Set<UUID>> parts) {
        DeploymentInput input = JSON.convertValue(in, DeploymentInput.class);
        return DeploymentRules.check(input, new DeploymentRules.Target(DEPLOYMENT, isNew, parts, false), REGISTRY);
    }

    private static Map<String, String> errors(Map<String, Object> in) {
        Map<String, String> byField = new HashMap<>();
        check(in, true, Map.of()).forEach(e -> byField.put(e.field(), e.message()));
        return byField;
    }

    @Test
    void aDeploymentThatKeepsEveryRuleHasNoErrors() {
        assertEquals(List.of(), check(valid(), true, Map.of()));
    }

    @Test
    void everyReferenceMustExistAndBePublished() {
        Map<String, Object> in = valid();
        in.put("country", "XX");
        in.put("parent_id", UUID.randomUUID().toString());
        in.put("vendors", List.of(cited(Map.of("vendor_id", UUID.randomUUID().toString(), "role", "supplier"))));
        in.put("capabilities", List.of(cited(Map.of("code", "mind_reading", "evidence_level", "reported"))));
        in.put("citations", List.of(Map.of("source_id", RETRACTED_SOURCE.toString(), "quote", "q")));
        Map<String, String> errors = errors(in);
        assertEquals("is not an ISO 3166-1 alpha-2 country code", errors.get("country"));
        assertEquals("is not another published deployment", errors.get("parent_id"));
        assertEquals("is not a published vendor", errors.get("vendors[0].vendor_id"));
        assertTrue(errors.get("capabilities[0].code").startsWith("is not in the capability taxonomy"));
        assertEquals("is not a published source", errors.get("citations[0].source_id"));
        assertEquals("is in TJ, not in XX", errors.get("locality_ids[0]"), "a locality is checked against the given country");
    }

    @Test
    void aDeploymentIsNotItsOwnParent() {
        Map<String, Object> in = valid();
        in.put("parent_id", DEPLOYMENT.toString());
        assertEquals("is not another published deployment", errors(in).get("parent_id"));
        in.put("parent_id", PARENT.toString());
        assertEquals(null, errors(in).get("parent_id"));
    }

    @Test
    void datesAreRealAndInOrder() {
        Map<String, Object> in = valid();
        in.put("status_history", List.of(cited(Map.of("status", "operational", "occurred_on", "2019-06")),
                cited(Map.of("status", "announced", "occurred_on", "2018")),
                cited(Map.of("status", "expanded", "occurred_on", "2019-02-30"))));
        in.put("capabilities", List.of(cited(Map.of("code", "plate_reading", "evidence_level", "reported",
                "since_on", "2020", "until_on", "2019"))));
        Map<String, String> errors = errors(in);
        assertTrue(errors.get("status_history[1].occurred_on").startsWith("is before an earlier event's date"));
        assertEquals("is not a real date", errors.get("status_history[2].occurred_on"));
        assertEquals("is before since_on", errors.get("capabilities[0].until_on"));
    }

    @Test
    void aCountIsQualifiedAndASubsetNeverOutnumbersAnExactTotal() {
        Map<String, Object> in = valid();
        in.put("camera_counts", List.of(
                cited(Map.of("observed_on", "2019", "total", 100, "total_qualifier", "exact",
                        "facial_recognition", 100, "facial_recognition_qualifier", "over")),
                cited(Map.of("observed_on", "2019", "total", 100)),
                cited(Map.of("observed_on", "2019")),
                cited(Map.of("observed_on", "2019", "total", 100, "total_qualifier", "approximately",
                        "plate_reading", 500, "plate_reading_qualifier", "exact"))));
        Map<String, String> errors = errors(in);
        assertEquals("is above the exact total of 100", errors.get("camera_counts[0].facial_recognition"));
        assertTrue(errors.get("camera_counts[1].total_qualifier").startsWith("is required with total"));
        assertEquals("needs at least one of total, facial_recognition and plate_reading", errors.get("camera_counts[2]"));
        assertEquals(null, errors.get("camera_counts[3].plate_reading"), "an approximate total bounds nothing");
    }

    @Test
    void aRangeIsATotalWithItsUpperEndAndNothingElseIsARangeOrAForecast() {
        Map<String, Object> in = valid();
        in.put("camera_counts", List.of(
                cited(Map.of("observed_on", "2019", "total", 6200, "total_qualifier", "range", "total_upper", 7000)),
                cited(Map.of("observed_on", "2019", "total", 6200, "total_qualifier", "range")),
                cited(Map.of("observed_on", "2019", "total", 7000, "total_qualifier", "range", "total_upper", 6200)),
                cited(Map.of("observed_on", "2019", "total", 6200, "total_qualifier", "approximately", "total_upper", 7000)),
                cited(Map.of("observed_on", "2019", "total", 100, "total_qualifier", "projected",
                        "facial_recognition", 10, "facial_recognition_qualifier", "range"))));
        in.put("financing", List.of(cited(Map.of("instrument", "loan", "amount", "100.00", "currency", "USD",
                "amount_qualifier", "projected"))));
        Map<String, String> errors = errors(in);
        assertEquals(null, errors.get("camera_counts[0].total_upper"), "6,200-7,000 is a range");
        assertEquals(null, errors.get("camera_counts[0].total_qualifier"));
        assertEquals("is required with total_qualifier range", errors.get("camera_counts[1].total_upper"));
        assertEquals("is not above total (7000)", errors.get("camera_counts[2].total_upper"));
        assertEquals("is given only with total_qualifier range", errors.get("camera_counts[3].total_upper"));
        assertTrue(errors.get("camera_counts[4].total_qualifier").startsWith("is projected"));
        assertTrue(errors.get("camera_counts[4].facial_recognition_qualifier").startsWith("is range"));
        assertTrue(errors.get("financing[0].amount_qualifier").startsWith("is projected"));
    }

    @Test
    void financingStatesItsCurrencyAndQualifierAndATrancheBelongsToThisDeployment() {
        Map<String, Object> in = valid();
        in.put("financing", List.of(cited(Map.of("instrument", "loan", "amount", "100.00", "lender_country", "ZZ",
                "maturity_years", "5", "grace_period_years", "6", "tranche_of", UUID.randomUUID().toString()))));
        Map<String, String> errors = errors(in);
        assertEquals("is required with amount", errors.get("financing[0].currency"));
        assertEquals("is required with an amount", errors.get("financing[0].amount_qualifier"));
        assertEquals("is not an ISO 3166-1 alpha-2 country code", errors.get("financing[0].lender_country"));
        assertEquals("is longer than maturity_years", errors.get("financing[0].grace_period_years"));
        assertEquals("is not another current financing of this deployment that this request keeps",
                errors.get("financing[0].tranche_of"));
    }

    @Test
    void aTrancheNamesItsPackageByPositionAloneWithoutACycle() {
        Map<String, Object> in = valid();
        in.put("financing", List.of(
                cited(Map.of("instrument", "loan", "tranche_of_index", 2)),
                cited(Map.of("instrument", "loan", "tranche_of_index", 2)),
                cited(Map.of("instrument", "loan")),
                cited(Map.of("instrument", "loan", "tranche_of_index", 3)),
                cited(Map.of("instrument", "loan", "tranche_of_index", 10)),
                cited(Map.of("instrument", "loan", "tranche_of_index", 2, "tranche_of", UUID.randomUUID().toString())),
                cited(Map.of("instrument", "loan", "tranche_of_index", 7)),
                cited(Map.of("instrument", "loan", "tranche_of_index", 8)),
                cited(Map.of("instrument", "loan", "tranche_of_index", 6)),
                cited(Map.of("instrument", "loan", "tranche_of_index", 6))));
        Map<String, String> errors = errors(in);
        assertEquals(null, errors.get("financing[0].tranche_of_index"), "a tranche listed before its package");
        assertEquals(null, errors.get("financing[1].tranche_of_index"));
        assertEquals("is not the position of another financing in this list", errors.get("financing[3].tranche_of_index"));
        assertEquals("is not the position of another financing in this list", errors.get("financing[4].tranche_of_index"));
        assertEquals("is given with tranche_of: give only one of them", errors.get("financing[5].tranche_of_index"));
        for (int i : new int[] {6, 7, 8}) {
            assertEquals("makes a cycle of tranches", errors.get("financing[" + i + "].tranche_of_index"), "financing[" + i + "]");
        }
        assertEquals(null, errors.get("financing[9].tranche_of_index"), "a tranche of a cycle is not in it");
        assertEquals(6, errors.keySet().stream().filter(k -> k.endsWith("tranche_of_index")).count(), errors.toString());
    }

    @Test
    void aTrancheOfACurrentFinancingNeedsItKeptAndNoLinkClosesACycle() {
        UUID x = UUID.randomUUID();
        UUID y = UUID.randomUUID();
        Map<String, Set<UUID>> current = Map.of("financing", Set.of(x, y));
        Map<String, Object> in = valid();
        // the package y is left out (so retracted by this request) while its tranche x stays
        in.put("financing", List.of(cited(Map.of("id", x.toString(), "instrument", "loan", "tranche_of", y.toString()))));
        assertEquals("is not another current financing of this deployment that this request keeps",
                onUpdate(in, current).get("financing[0].tranche_of"));
        // kept, it may be named by its ID or by its position
        in.put("financing", List.of(cited(Map.of("id", x.toString(), "instrument", "loan", "tranche_of", y.toString())),
                cited(Map.of("id", y.toString(), "instrument", "loan")),
                cited(Map.of("instrument", "loan", "tranche_of_index", 1))));
        assertTrue(onUpdate(in, current).isEmpty(), onUpdate(in, current).toString());
        // a cycle by ID, and one of an ID and a position
        in.put("financing", List.of(cited(Map.of("id", x.toString(), "instrument", "loan", "tranche_of", y.toString())),
                cited(Map.of("id", y.toString(), "instrument", "loan", "tranche_of", x.toString()))));
        assertEquals("makes a cycle of tranches", onUpdate(in, current).get("financing[0].tranche_of"));
        assertEquals("makes a cycle of tranches", onUpdate(in, current).get("financing[1].tranche_of"));
        in.put("financing", List.of(cited(Map.of("id", x.toString(), "instrument", "loan", "tranche_of_index", 1)),
                cited(Map.of("instrument", "loan", "tranche_of", x.toString()))));
        Map<String, String> mixed = onUpdate(in, current);
        assertEquals("makes a cycle of tranches", mixed.get("financing[0].tranche_of_index"));
        assertEquals("makes a cycle of tranches", mixed.get("financing[1].tranche_of"));
    }

    private static Map<String, String> onUpdate(Map<String, Object> in, Map<String, Set<UUID>> parts) {
        Map<String, String> byField = new HashMap<>();
        check(in, false, parts).forEach(e -> byField.put(e.field(), e.message()));
        return byField;
    }

    @Test
    void aPartWithAnIdMustBeACurrentPartListedOnce() {
        UUID current = UUID.randomUUID();
        Map<String, Object> in = valid();
        Map<String, Object> vendor = cited(Map.of("id", current.toString(), "vendor_id", VENDOR.toString(), "role", "supplier"));
        Map<String, Object> again = cited(Map.of("id", current.toString(), "vendor_id", VENDOR.toString(), "role", "integrator"));
        in.put("vendors", List.of(vendor, again));
        assertEquals("must be left out: the part is new", errors(in).get("vendors[0].id"));
        Map<String, String> onUpdate = new HashMap<>();
        check(in, false, Map.of("vendors", Set.of(current))).forEach(e -> onUpdate.put(e.field(), e.message()));
        assertEquals(null, onUpdate.get("vendors[0].id"));
        assertEquals("is listed twice", onUpdate.get("vendors[1].id"));
        in.put("vendors", List.of(cited(Map.of("id", UUID.randomUUID().toString(), "vendor_id", VENDOR.toString(),
                "role", "supplier"))));
        onUpdate.clear();
        check(in, false, Map.of("vendors", Set.of(current))).forEach(e -> onUpdate.put(e.field(), e.message()));
        assertTrue(onUpdate.get("vendors[0].id").startsWith("is not a current part of this deployment"));
    }

    @Test
    void everyScoreButUnknownIsCitedAndEachCriterionAppearsOnce() {
        Map<String, Object> in = valid();
        in.put("oversight", Map.of("as_of", "2024-01-01", "criteria", List.of(
                Map.of("criterion", "legal_basis", "score", "no"),
                Map.of("criterion", "independent_auditor", "score", "unknown"),
                Map.of("criterion", "independent_auditor", "score", "unknown"))));
        Map<String, String> errors = errors(in);
        assertEquals("a score of no needs at least one citation", errors.get("oversight.criteria[0].citations"));
        assertEquals(null, errors.get("oversight.criteria[1].citations"));
        assertEquals("is listed twice", errors.get("oversight.criteria[2].criterion"));
    }

    @Test
    void theSeedNamesItsOwnParts() {
        Map<String, Object> in = valid();
        in.put("vendors", List.of(cited(Map.of("id", UUID.randomUUID().toString(), "vendor_id", VENDOR.toString(),
                "role", "supplier"))));
        DeploymentInput input = JSON.convertValue(in, DeploymentInput.class);
        assertEquals(List.of(), DeploymentRules.check(input, new DeploymentRules.Target(DEPLOYMENT, true, Map.of(), true),
                REGISTRY));
    }
}
