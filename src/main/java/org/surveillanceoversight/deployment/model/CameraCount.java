package org.surveillanceoversight.deployment.model;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import org.surveillanceoversight.common.records.DatePrecision;
import org.surveillanceoversight.common.records.PublishableRecord;
import org.surveillanceoversight.common.records.Qualifier;

import java.time.LocalDate;

/** A dated observation of how many cameras a deployment runs, each figure with its own qualifier. */
@Entity
public class CameraCount extends PublishableRecord {

    public enum Basis { official, vendor_claim, press, observed, research }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "deployment_id")
    public Deployment deployment;

    public LocalDate observedOn;
    @Enumerated(EnumType.STRING)
    public DatePrecision observedPrecision;

    public Integer total;
    @Enumerated(EnumType.STRING)
    public Qualifier totalQualifier;
    public Integer totalUpper;
    public Integer facialRecognition;
    @Enumerated(EnumType.STRING)
    public Qualifier facialRecognitionQualifier;
    public Integer plateReading;
    @Enumerated(EnumType.STRING)
    public Qualifier plateReadingQualifier;

    @Enumerated(EnumType.STRING)
    public Basis basis;
    public String scope;
    public String note;
}
