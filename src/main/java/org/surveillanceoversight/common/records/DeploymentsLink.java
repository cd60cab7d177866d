package org.surveillanceoversight.common.records;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How many published deployments a country, locality, vendor or capability has, and the list that shows them. */
@Schema(name = "DeploymentsLink", description = "How many published deployments are here, and where to list them")
public record DeploymentsLink(long count, String href) {
}
