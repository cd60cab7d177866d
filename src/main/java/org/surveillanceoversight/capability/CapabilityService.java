package org.surveillanceoversight.capability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.surveillanceoversight.common.records.DeploymentsLink;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The capability taxonomy, each with how many published deployments claim it. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CapabilityService {

    @Inject
    CapabilityDeploymentCounts deploymentCounts;

    public List<CapabilityView> all() {
        return views(Capability.list("order by code"));
    }

    public Optional<CapabilityView> find(String code) {
        Capability found = Capability.findById(code);
        return found == null ? Optional.empty() : Optional.of(views(List.of(found)).get(0));
    }

    private List<CapabilityView> views(List<Capability> capabilities) {
        Map<String, Long> counts = deploymentCounts.deploymentsPerCapability();
        return capabilities.stream().map(c -> new CapabilityView(c.code, c.name, c.description,
                new DeploymentsLink(counts.getOrDefault(c.code, 0L), "/api/v1/deployments?capability=" + c.code))).toList();
    }
}
