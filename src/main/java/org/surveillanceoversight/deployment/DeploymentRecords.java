package org.surveillanceoversight.deployment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.surveillanceoversight.deployment.read.DeploymentService;
import org.surveillanceoversight.deployment.read.DeploymentView;
import org.surveillanceoversight.history.RecordType;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** Deployments in the history: last in a replay, after what they reference. */
@ApplicationScoped
public class DeploymentRecords implements RecordType {

    @Inject
    DeploymentService deployments;

    @Override
    public String name() {
        return "deployment";
    }

    @Override
    public int replayOrder() {
        return 4;
    }

    /** One summary row per deployment, kept by triggers with its publication state. */
    @Override
    public String table() {
        return "deployment_summary";
    }

    @Override
    public String idColumn() {
        return "deployment_id";
    }

    @Override
    public Map<UUID, ?> views(Collection<UUID> ids) {
        return RecordType.byId(deployments.views(ids), DeploymentView::id);
    }
}
