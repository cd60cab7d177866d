package org.surveillanceoversight.common.database;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.tenant.TenantResolver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Hibernate's side of {@link ReadReplica}: each session (one per transaction) is opened on the
 * datasource the work is routed to. Hibernate's "database" multi-tenancy is the mechanism (a
 * tenant per datasource); there is one registry, and the two tenants are its primary and its replica.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class DatabaseRoute implements TenantResolver {

    @Inject
    ReadReplica replica;

    @Override
    public String getDefaultTenantId() {
        return ReadReplica.PRIMARY;
    }

    @Override
    public String resolveTenantId() {
        return replica.route();
    }
}
