package org.surveillanceoversight.capability;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.surveillanceoversight.common.records.DeploymentsLink;

@Schema(name = "Capability")
public record CapabilityView(String code, String name, String description, DeploymentsLink deployments) {
}
