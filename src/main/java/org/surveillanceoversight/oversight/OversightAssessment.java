package org.surveillanceoversight.oversight;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import org.surveillanceoversight.common.records.PublishableRecord;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The oversight rubric for one deployment as of a date; its label is derived (see OversightLabel). */
@Entity
public class OversightAssessment extends PublishableRecord {

    /** The deployment assessed (its assessments are read through this column: Deployment.assessments). */
    @Column(name = "deployment_id")
    public UUID deploymentId;

    public LocalDate asOf;
    public String assessedBy;
    public String note;

    @OneToMany(mappedBy = "assessment")
    @OrderBy("criterion")
    public List<OversightCriterion> criteria = new ArrayList<>();
}
