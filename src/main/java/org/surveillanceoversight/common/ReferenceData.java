package org.surveillanceoversight.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The valid country and capability codes, for validating filters without a query per request. */
@ApplicationScoped
public class ReferenceData {

    public static final String ISO_COUNTRY = "an ISO 3166-1 alpha-2 country code in capitals, such as UA";
    private static final Duration TTL = Duration.ofMinutes(1);

    @Inject
    EntityManager em;

    private volatile Snapshot snapshot;

    private record Snapshot(Set<String> countries, Set<String> capabilities, Instant loadedAt) {
    }

    public Set<String> countryCodes() {
        return current().countries();
    }

    public Set<String> capabilityCodes() {
        return current().capabilities();
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null || s.loadedAt().plus(TTL).isBefore(Instant.now())) {
            s = new Snapshot(codes("select code from country"), codes("select code from capability"), Instant.now());
            snapshot = s;
        }
        return s;
    }

    @SuppressWarnings("unchecked")
    private Set<String> codes(String sql) {
        return Set.copyOf((List<String>) em.createNativeQuery(sql, String.class).getResultList());
    }
}
