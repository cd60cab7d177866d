package org.surveillanceoversight.common.database;

import io.agroal.api.AgroalDataSource;
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
    ReadReplica routes;

    @Override
    public HealthCheckResponse call() {
        boolean primaryUp = answers(routes.jdbc(ReadReplica.PRIMARY));
        HealthCheckResponseBuilder response = HealthCheckResponse.named("database").withData("primary", primaryUp ? "up" : "down");
        boolean replicaUp = false;
        if (routes.configured()) {
            replicaUp = answers(routes.jdbc(ReadReplica.REPLICA));
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
