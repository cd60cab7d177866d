package org.surveillanceoversight.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The registry's data version: a counter every committed write raises (table data_version,
 * raised by triggers). The same on every replica, so ETags and caches built on it agree.
 */
@ApplicationScoped
public class DataVersion {

    @Inject
    EntityManager em;

    public long current() {
        return ((Number) em.createNativeQuery("select version from data_version").getSingleResult()).longValue();
    }
}
