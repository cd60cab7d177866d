package org.surveillanceoversight.deployment.read;

import org.surveillanceoversight.common.query.QueryParams;
import org.surveillanceoversight.deployment.model.Deployment;
import org.surveillanceoversight.deployment.model.DeploymentVendor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.surveillanceoversight.common.records.ReferenceData.ISO_COUNTRY;

/**
 * The filters every deployment list, stats call and export accepts. Values within one
 * parameter are alternatives (OR); different parameters must all hold (AND).
 */
public record DeploymentFilter(
        List<String> countries, List<UUID> localities, List<UUID> vendors, List<DeploymentVendor.Role> vendorRoles,
        List<String> capabilities, List<String> statuses, List<Deployment.ProgramType> programTypes,
        List<String> oversightLabels, Integer announcedFrom, Integer announcedTo, Integer operationalFrom,
        Integer operationalTo, Integer minCameras, Integer maxCameras, Boolean financed, List<String> lenders,
        String q) {

    public static final List<String> PARAMETERS = List.of("country", "locality", "vendor", "vendor_role",
            "capability", "status", "program_type", "oversight_label", "announced_from", "announced_to",
            "operational_from", "operational_to", "min_cameras", "max_cameras", "financed", "lender", "q");
    public static final Set<String> STATUSES = Set.of("considered", "announced", "contracted", "installing", "operational",
            "expanded", "suspended", "decommissioned", "cancelled", "unknown");
    public static final Set<String> LABELS = Set.of("none", "disclosed", "consulted", "approved",
            "independently_overseen", "not_assessed");
    /** No filter: every published deployment. */
    public static final DeploymentFilter NONE = new DeploymentFilter(List.of(), List.of(), List.of(), List.of(),
            List.of(), List.of(), List.of(), List.of(), null, null, null, null, null, null, null, List.of(), null);
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    /**
     * The filter the declared parameters name (DeploymentFilterParams, the operation's real input),
     * read strictly: every bad value becomes a field error in params.
     */
    public static DeploymentFilter from(DeploymentFilterParams given, QueryParams params, Set<String> countryCodes,
                                        Set<String> capabilityCodes) {
        DeploymentFilter filter = new DeploymentFilter(
                params.oneOf("country", given.country, countryCodes, ISO_COUNTRY),
                params.ids("locality", given.locality),
                params.ids("vendor", given.vendor),
                params.enums("vendor_role", given.vendorRole, DeploymentVendor.Role.class),
                params.oneOf("capability", given.capability, capabilityCodes, "a capability code from GET /api/v1/capabilities"),
                params.oneOf("status", given.status, STATUSES),
                params.enums("program_type", given.programType, Deployment.ProgramType.class),
                params.oneOf("oversight_label", given.oversightLabel, LABELS),
                params.integer("announced_from", given.announcedFrom, 1900, 2100),
                params.integer("announced_to", given.announcedTo, 1900, 2100),
                params.integer("operational_from", given.operationalFrom, 1900, 2100),
                params.integer("operational_to", given.operationalTo, 1900, 2100),
                params.integer("min_cameras", given.minCameras, 0, Integer.MAX_VALUE),
                params.integer("max_cameras", given.maxCameras, 0, Integer.MAX_VALUE),
                params.bool("financed", given.financed),
                params.strings("lender", given.lender),
                params.string("q", given.q));
        checkRange(params, "announced_from", filter.announcedFrom, "announced_to", filter.announcedTo);
        checkRange(params, "operational_from", filter.operationalFrom, "operational_to", filter.operationalTo);
        checkRange(params, "min_cameras", filter.minCameras, "max_cameras", filter.maxCameras);
        if (filter.q != null && filter.searchWords().isEmpty()) {
            params.error("q", "has no letters or digits to search for");
        }
        if (filter.q != null && filter.q.length() > 200) {
            params.error("q", "is longer than 200 characters");
        }
        return filter;
    }

    private static void checkRange(QueryParams params, String lowName, Integer low, String highName, Integer high) {
        if (low != null && high != null && low > high) {
            params.error(lowName, "is greater than " + highName);
        }
    }

    /** The words of q, lower-cased by the database; each matches as a prefix ("Dushan" finds Dushanbe). */
    List<String> searchWords() {
        List<String> words = new ArrayList<>();
        if (q != null) {
            Matcher m = WORD.matcher(q);
            while (m.find() && words.size() < 16) {
                words.add(m.group());
            }
        }
        return words;
    }

    /** The filters as given, for echoing in stats responses. */
    public Map<String, Object> described() {
        Map<String, Object> given = new LinkedHashMap<>();
        put(given, "country", countries);
        put(given, "locality", localities);
        put(given, "vendor", vendors);
        put(given, "vendor_role", vendorRoles);
        put(given, "capability", capabilities);
        put(given, "status", statuses);
        put(given, "program_type", programTypes);
        put(given, "oversight_label", oversightLabels);
        put(given, "announced_from", announcedFrom);
        put(given, "announced_to", announcedTo);
        put(given, "operational_from", operationalFrom);
        put(given, "operational_to", operationalTo);
        put(given, "min_cameras", minCameras);
        put(given, "max_cameras", maxCameras);
        put(given, "financed", financed);
        put(given, "lender", lenders);
        put(given, "q", q);
        return given;
    }

    private static void put(Map<String, Object> map, String name, Object value) {
        if (value != null && !(value instanceof List<?> list && list.isEmpty())) {
            map.put(name, value);
        }
    }
}
