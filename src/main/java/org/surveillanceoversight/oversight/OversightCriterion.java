package org.surveillanceoversight.oversight;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import org.surveillanceoversight.common.records.PublishableRecord;

import java.time.LocalDate;

/** One criterion of an oversight assessment, scored with its evidence. */
@Entity
public class OversightCriterion extends PublishableRecord {

    public enum Criterion {
        legal_basis, elected_body_approval, public_notice_consultation, impact_assessment_published,
        use_policy_published, retention_limit, data_sharing_recipients_named, human_oversight_appeal,
        independent_auditor, periodic_public_reporting, costs_financing_disclosed, equity_review,
        public_register_listing
    }

    public enum Score { yes, partial, no, unknown, withheld }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "assessment_id")
    public OversightAssessment assessment;

    @Enumerated(EnumType.STRING)
    public Criterion criterion;

    @Enumerated(EnumType.STRING)
    public Score score;
    public String evidence;
    public LocalDate asOf;
}
