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

/** One step of a deployment's lifecycle; the last published one is its current status. */
@Entity
public class StatusEvent extends PublishableRecord {

    public enum Status {
        considered, announced, contracted, installing, operational, expanded, suspended, decommissioned, cancelled
    }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "deployment_id")
    public Deployment deployment;

    public int sequence;

    @Enumerated(EnumType.STRING)
    public Status status;
    public LocalDate occurredOn;
    @Enumerated(EnumType.STRING)
    public DatePrecision occurredPrecision;
    public String note;
}
