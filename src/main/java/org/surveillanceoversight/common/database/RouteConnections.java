package org.surveillanceoversight.common.database;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.customized.QuarkusConnectionProvider;
import io.quarkus.hibernate.orm.runtime.tenant.TenantConnectionResolver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;

/** The connections of each route: the default datasource's pool for the primary, the replica's for the replica. */
@PersistenceUnitExtension
@ApplicationScoped
public class RouteConnections implements TenantConnectionResolver {

    @Inject
    ReadReplica routes;

    @Override
    public ConnectionProvider resolve(String tenantId) {
        return switch (tenantId) {
            case ReadReplica.PRIMARY -> new QuarkusConnectionProvider(routes.jdbc(ReadReplica.PRIMARY));
            case ReadReplica.REPLICA -> new QuarkusConnectionProvider(routes.jdbc(ReadReplica.REPLICA));
            default -> throw new IllegalArgumentException("No database route " + tenantId);
        };
    }
}
