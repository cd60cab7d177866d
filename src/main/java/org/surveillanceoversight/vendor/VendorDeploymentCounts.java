package org.surveillanceoversight.vendor;

import java.util.Map;
import java.util.UUID;

/** How many published deployments name each vendor: answered by the stats (which know the deployments). */
public interface VendorDeploymentCounts {

    Map<UUID, Long> deploymentsPerVendor();
}
