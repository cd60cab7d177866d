package org.surveillanceoversight.deployment;

import org.surveillanceoversight.common.SqlWhere;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Turns a DeploymentFilter into conditions on deployment_summary (alias s), all index-backed but lender. */
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
                : new SqlWhere().and("s.publication in (:publication)", "publication", publications);
        if (!f.countries().isEmpty()) {
            w.and("s.country_code in (:country)", "country", f.countries());
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
            w.and("s.status in (:status)", "status", f.statuses());
        }
        if (!f.programTypes().isEmpty()) {
            w.and("s.program_type in (:program_type)", "program_type", names(f.programTypes()));
        }
        if (!f.oversightLabels().isEmpty()) {
            w.and("s.oversight_label in (:oversight_label)", "oversight_label", f.oversightLabels());
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

    private static List<String> names(List<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toList();
    }
}
