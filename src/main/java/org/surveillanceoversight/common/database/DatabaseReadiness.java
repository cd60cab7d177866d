package org.surveillanceoversight.common.database;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.arc.InjectableInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Ready while the service can serve: the primary answers, or, with a read replica configured, the
 * replica does (reads go on from it while writes answer 503). A load balancer stops sending
 * traffic only when neither can be reached.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Inject
    AgroalDataSource primary;

    @Inject
    @DataSource(ReadReplica.REPLICA)
    InjectableInstance<AgroalDataSource> replica;

    @Inject
    ReadReplica route;

    @Override
    public HealthCheckResponse call() {
        boolean primaryUp = answers(primary);
        HealthCheckResponseBuilder response = HealthCheckResponse.named("database").withData("primary", primaryUp ? "up" : "down");
        boolean replicaUp = false;
        if (route.configured()) {
            replicaUp = answers(replica.get());
            response.withData("replica", replicaUp ? "up" : "down");
            response.withData("serving", primaryUp ? "reads and writes" : replicaUp ? "reads only" : "nothing");
        }
        return response.status(primaryUp || replicaUp).build();
    }

    private static boolean answers(AgroalDataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(1);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }
}
