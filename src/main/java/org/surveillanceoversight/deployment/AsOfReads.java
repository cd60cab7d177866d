package org.surveillanceoversight.deployment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.surveillanceoversight.history.AsOf;

import java.time.Instant;
import java.util.UUID;

/** as_of reads of one deployment, on a worker thread (get-by-id itself runs on the event loop). */
@ApplicationScoped
public class AsOfReads {

    @Inject
    AsOf asOf;

    @ActivateRequestContext
    public Response deployment(UUID id, Instant at) {
        return asOf.response("deployment", id, at, DeploymentView.class);
    }
}
