package org.surveillanceoversight.deployment.model;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.surveillanceoversight.common.records.PublishableRecord;
import org.surveillanceoversight.vendor.Vendor;

/** A vendor's role in a deployment. */
@Entity
public class DeploymentVendor extends PublishableRecord {

    @Schema(name = "VendorRole")
    public enum Role { supplier, integrator, operator, financier }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "deployment_id")
    public Deployment deployment;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "vendor_id")
    public Vendor vendor;

    @Enumerated(EnumType.STRING)
    public Role role;
    public String note;
}
