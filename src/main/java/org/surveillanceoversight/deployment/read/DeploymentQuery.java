package org.surveillanceoversight.deployment.read;

import org.surveillanceoversight.common.query.SqlWhere;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns a DeploymentFilter into conditions on deployment_summary (alias s), all index-backed but
 * lender. Lists of values are bound as arrays, so the same clause runs on JDBC, on the reactive
 * client and (inlined) in COPY.
 */
public final class DeploymentQuery {

    private DeploymentQuery() {
    }

    /** Published deployments only: what stats and exports count. */
    public static SqlWhere where(DeploymentFilter f) {
        return where(f, List.of("published"));
    }

    /** Deployments in the given publication states (a list may ask for retracted ones too). */
    public static SqlWhere where(DeploymentFilter f, List<String> publications) {
        // the usual case as a literal, as before the parameter existed, so its plans stay as they were
        SqlWhere w = publications.equals(List.of("published")) ? new SqlWhere().and("s.publication = 'published'")
                : anyOf(new SqlWhere(), "s.publication", "publication", publications);
        if (!f.countries().isEmpty()) {
            anyOf(w, "s.country_code", "country", f.countries());
        }
        if (!f.localities().isEmpty()) {
            w.and("s.locality_ids && cast(:locality as uuid[])", "locality", f.localities().toArray(UUID[]::new));
        }
        if (!f.vendors().isEmpty() && !f.vendorRoles().isEmpty()) {
            List<String> pairs = f.vendors().stream()
                    .flatMap(v -> f.vendorRoles().stream().map(r -> v + ":" + r.name())).toList();
            w.and("s.vendor_role_pairs && cast(:vendor_role_pair as text[])", "vendor_role_pair", pairs.toArray(String[]::new));
        } else if (!f.vendors().isEmpty()) {
            w.and("s.vendor_ids && cast(:vendor as uuid[])", "vendor", f.vendors().toArray(UUID[]::new));
        } else if (!f.vendorRoles().isEmpty()) {
            w.and("s.vendor_roles && cast(:vendor_role as text[])", "vendor_role", names(f.vendorRoles()).toArray(String[]::new));
        }
        if (!f.capabilities().isEmpty()) {
            w.and("s.capability_codes && cast(:capability as text[])", "capability", f.capabilities().toArray(String[]::new));
        }
        if (!f.statuses().isEmpty()) {
            anyOf(w, "s.status", "status", f.statuses());
        }
        if (!f.programTypes().isEmpty()) {
            anyOf(w, "s.program_type", "program_type", names(f.programTypes()));
        }
        if (!f.oversightLabels().isEmpty()) {
            anyOf(w, "s.oversight_label", "oversight_label", f.oversightLabels());
        }
        range(w, "s.announced_year", "announced_from", f.announcedFrom(), "announced_to", f.announcedTo());
        range(w, "s.operational_year", "operational_from", f.operationalFrom(), "operational_to", f.operationalTo());
        range(w, "s.cameras", "min_cameras", f.minCameras(), "max_cameras", f.maxCameras());
        if (f.financed() != null) {
            w.and("s.financed = :financed", "financed", f.financed());
        }
        if (!f.lenders().isEmpty()) {
            // free text against few short names per row: a substring match, case-insensitive
            w.and("exists (select 1 from unnest(s.lenders) lender, unnest(cast(:lender as text[])) wanted "
                    + "where strpos(lower(lender), lower(wanted)) > 0)", "lender", f.lenders().toArray(String[]::new));
        }
        List<String> words = f.searchWords();
        if (!words.isEmpty()) {
            // each word becomes a quoted prefix term, so no user text is read as tsquery syntax
            String tsquery = words.stream().map(word -> "'" + word + "':*").collect(Collectors.joining(" & "));
            w.and("s.search @@ to_tsquery('simple', :q)", "q", tsquery);
        }
        return w;
    }

    private static void range(SqlWhere w, String column, String lowName, Integer low, String highName, Integer high) {
        if (low != null) {
            w.and(column + " >= :" + lowName, lowName, low);
        }
        if (high != null) {
            w.and(column + " <= :" + highName, highName, high);
        }
    }

    /**
     * column equals one of the values: a plain comparison for one value, so a prepared statement's
     * generic plan estimates it as well as a custom one would (an array of unknown length looks
     * ten times less selective and can turn a page into a walk along the sort index).
     */
    private static SqlWhere anyOf(SqlWhere w, String column, String name, List<String> values) {
        return values.size() == 1 ? w.and(column + " = :" + name, name, values.get(0))
                : w.and(column + " = any(cast(:" + name + " as text[]))", name, values.toArray(String[]::new));
    }

    private static List<String> names(List<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toList();
    }
}
