package org.surveillanceoversight.stats;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.surveillanceoversight.capability.CapabilityDeploymentCounts;
import org.surveillanceoversight.common.http.DataVersion;
import org.surveillanceoversight.common.query.SqlWhere;
import org.surveillanceoversight.deployment.read.DeploymentFilter;
import org.surveillanceoversight.deployment.read.DeploymentQuery;
import org.surveillanceoversight.stats.StatsViews.CapabilityRow;
import org.surveillanceoversight.stats.StatsViews.CountryRow;
import org.surveillanceoversight.stats.StatsViews.FacialRecognitionShare;
import org.surveillanceoversight.stats.StatsViews.LabelRow;
import org.surveillanceoversight.stats.StatsViews.Stats;
import org.surveillanceoversight.stats.StatsViews.VendorRow;
import org.surveillanceoversight.stats.StatsViews.YearRow;
import org.surveillanceoversight.vendor.VendorDeploymentCounts;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Aggregates over deployment_summary with the list's filters. A result is cached per
 * (aggregate, filters) and served while the data version is unchanged, so a committed write
 * shows up in the next request, on every replica.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class StatsService implements VendorDeploymentCounts, CapabilityDeploymentCounts {

    private static final String CAMERAS = "coalesce(sum(s.cameras) filter (where s.cameras_qualifier <> 'planned'), 0), "
            + "coalesce(sum(s.cameras) filter (where s.cameras_qualifier = 'planned'), 0)";

    @Inject
    EntityManager em;

    @Inject
    DataVersion dataVersion;

    private record Cached(long version, Stats<?> stats) {
    }

    private final Cache<String, Cached> cache = Caffeine.newBuilder().maximumSize(2_000).build();

    public Stats<CountryRow> byCountry(DeploymentFilter filter) {
        return cached("country", filter, w -> rows("select s.country_code, c.name, count(*), count(s.cameras), " + CAMERAS
                        + " from deployment_summary s join country c on c.code = s.country_code where " + w.sql()
                        + " group by s.country_code, c.name order by count(*) desc, s.country_code", w,
                r -> new CountryRow((String) r[0], (String) r[1], n(r[2]), n(r[3]), n(r[4]), n(r[5]))));
    }

    public Stats<VendorRow> byVendor(DeploymentFilter filter) {
        return cached("vendor", filter, w -> rows("select v.id, v.name, count(*), " + CAMERAS
                        + " from deployment_summary s cross join unnest(s.vendor_ids) vendor_id join vendor v on v.id = vendor_id"
                        + " where " + w.sql() + " group by v.id, v.name order by count(*) desc, v.name", w,
                r -> new VendorRow((UUID) r[0], (String) r[1], n(r[2]), n(r[3]), n(r[4]))));
    }

    public Stats<YearRow> byYear(DeploymentFilter filter) {
        return cached("year", filter, w -> rows("select s.announced_year, count(*), " + CAMERAS
                        + " from deployment_summary s where " + w.sql()
                        + " group by s.announced_year order by s.announced_year nulls last", w,
                r -> new YearRow(r[0] == null ? null : ((Number) r[0]).intValue(), n(r[1]), n(r[2]), n(r[3]))));
    }

    public Stats<CapabilityRow> byCapability(DeploymentFilter filter) {
        return cached("capability", filter, w -> rows("select k.code, k.name, count(*), " + CAMERAS
                        + " from deployment_summary s cross join unnest(s.capability_codes) capability_code"
                        + " join capability k on k.code = capability_code where " + w.sql()
                        + " group by k.code, k.name order by count(*) desc, k.code", w,
                r -> new CapabilityRow((String) r[0], (String) r[1], n(r[2]), n(r[3]), n(r[4]))));
    }

    public Stats<LabelRow> byOversightLabel(DeploymentFilter filter) {
        return cached("label", filter, w -> rows("select s.oversight_label, count(*) from deployment_summary s where "
                        + w.sql() + " group by s.oversight_label order by count(*) desc, s.oversight_label", w,
                r -> new LabelRow((String) r[0], n(r[1]))));
    }

    public Stats<FacialRecognitionShare> facialRecognitionShare(DeploymentFilter filter) {
        return cached("facial", filter, w -> rows("select count(*), coalesce(sum(s.cameras), 0), "
                        + "coalesce(sum(s.facial_recognition), 0) from deployment_summary s where " + w.sql()
                        + " and s.cameras is not null and s.facial_recognition is not null"
                        + " and s.cameras_qualifier <> 'planned' and s.facial_recognition_qualifier <> 'planned'", w,
                r -> new FacialRecognitionShare(n(r[0]), n(r[1]), n(r[2]),
                        n(r[1]) == 0 ? null : Math.round(10_000.0 * n(r[2]) / n(r[1])) / 10_000.0)));
    }

    /** Published deployments per vendor, from the cached aggregate. */
    @Override
    public Map<UUID, Long> deploymentsPerVendor() {
        return byVendor(DeploymentFilter.NONE).data().stream().collect(Collectors.toMap(VendorRow::vendorId, VendorRow::deployments));
    }

    /** Published deployments per capability code, from the cached aggregate. */
    @Override
    public Map<String, Long> deploymentsPerCapability() {
        return byCapability(DeploymentFilter.NONE).data().stream()
                .collect(Collectors.toMap(CapabilityRow::code, CapabilityRow::deployments));
    }

    private <T> Stats<T> cached(String aggregate, DeploymentFilter filter, Function<SqlWhere, List<T>> compute) {
        DataVersion.Seen seen = dataVersion.seen();
        long version = seen.version();
        String key = aggregate + filter.described();
        Cached hit = seen.ownWrites() ? null : cache.getIfPresent(key);
        if (hit != null && hit.version() == version) {
            @SuppressWarnings("unchecked")
            Stats<T> stats = (Stats<T>) hit.stats();
            return stats;
        }
        Stats<T> stats = new Stats<>(StatsViews.COUNTING, filter.described(), version,
                compute.apply(DeploymentQuery.where(filter)));
        if (!seen.ownWrites()) {
            // inside a write (the history rendering a vendor's count) the result holds what the write
            // has not committed yet: it is not kept
            cache.put(key, new Cached(version, stats));
        }
        return stats;
    }

    private <T> List<T> rows(String sql, SqlWhere where, Function<Object[], T> row) {
        Query query = em.createNativeQuery(sql);
        where.bind(query);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(row).toList();
    }

    private static long n(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
