package org.surveillanceoversight.oversight;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import org.surveillanceoversight.common.PublishableRecord;
import org.surveillanceoversight.deployment.Deployment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The oversight rubric for one deployment as of a date; its label is derived (see OversightLabel). */
@Entity
public class OversightAssessment extends PublishableRecord {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "deployment_id")
    public Deployment deployment;

    public LocalDate asOf;
    public String assessedBy;
    public String note;

    @OneToMany(mappedBy = "assessment")
    @OrderBy("criterion")
    public List<OversightCriterion> criteria = new ArrayList<>();
}
