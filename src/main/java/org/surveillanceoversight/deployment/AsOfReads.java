package org.surveillanceoversight.deployment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.surveillanceoversight.common.query.PageParams;
import org.surveillanceoversight.history.AsOf;

import java.time.Instant;
import java.util.UUID;

/** as_of reads of deployments, on a worker thread (get-by-id and the list themselves run on the event loop). */
@ApplicationScoped
public class AsOfReads {

    @Inject
    AsOf asOf;

    @ActivateRequestContext
    public Response deployment(UUID id, Instant at) {
        return asOf.response("deployment", id, at, DeploymentView.class);
    }

    @ActivateRequestContext
    public Response list(String at, PageParams page, UriInfo uri) {
        return asOf.listResponse("deployment", "title", DeploymentView.class, at, page, uri);
    }
}
