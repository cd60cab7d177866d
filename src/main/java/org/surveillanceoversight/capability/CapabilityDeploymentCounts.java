package org.surveillanceoversight.capability;

import java.util.Map;

/** How many published deployments claim each capability: answered by the stats (which know the deployments). */
public interface CapabilityDeploymentCounts {

    Map<String, Long> deploymentsPerCapability();
}
