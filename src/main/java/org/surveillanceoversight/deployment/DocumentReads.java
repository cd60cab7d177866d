package org.surveillanceoversight.deployment;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.UUID;

/**
 * The hottest read, get-by-id, off the worker threads: one non-blocking lookup of the stored
 * document with the reactive client on the event loop. Only a missing or stale document goes to
 * a worker thread to be rendered (blocking, with Hibernate) and stored.
 */
@ApplicationScoped
public class DocumentReads {

    @Inject
    PgPool client;

    @Inject
    DeploymentService deployments;

    public Uni<Optional<DeploymentDocuments.Entry>> find(UUID id) {
        return client.preparedQuery("select s.revision, s.publication, d.body from deployment_summary s "
                        + "left join deployment_document d on d.deployment_id = s.deployment_id and d.revision = s.revision "
                        + "where s.deployment_id = $1")
                .execute(Tuple.of(id))
                .flatMap(rows -> {
                    RowIterator<Row> it = rows.iterator();
                    if (!it.hasNext()) {
                        return Uni.createFrom().item(Optional.<DeploymentDocuments.Entry>empty());
                    }
                    Row row = it.next();
                    DeploymentDocuments.Entry entry = new DeploymentDocuments.Entry(id, row.getLong(0),
                            row.getString(1), row.getString(2));
                    if (!entry.isPublic()) {
                        return Uni.createFrom().item(Optional.<DeploymentDocuments.Entry>empty());
                    }
                    if (entry.body() != null) {
                        return Uni.createFrom().item(Optional.of(entry));
                    }
                    return Uni.createFrom().item(() -> render(id)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
                });
    }

    @ActivateRequestContext
    Optional<DeploymentDocuments.Entry> render(UUID id) {
        return deployments.find(id);
    }
}
