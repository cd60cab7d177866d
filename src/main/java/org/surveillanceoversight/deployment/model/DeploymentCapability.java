package org.surveillanceoversight.deployment.model;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import org.surveillanceoversight.common.records.DatePrecision;
import org.surveillanceoversight.common.records.PublishableRecord;

import java.time.LocalDate;

/** A capability from the fixed taxonomy, as evidenced for one deployment. */
@Entity
public class DeploymentCapability extends PublishableRecord {

    public enum EvidenceLevel { vendor_claim, reported, procured, observed, officially_confirmed }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "deployment_id")
    public Deployment deployment;

    public String capabilityCode;

    @Enumerated(EnumType.STRING)
    public EvidenceLevel evidenceLevel;
    public LocalDate sinceOn;
    @Enumerated(EnumType.STRING)
    public DatePrecision sincePrecision;
    public LocalDate untilOn;
    @Enumerated(EnumType.STRING)
    public DatePrecision untilPrecision;
    public String note;
}
