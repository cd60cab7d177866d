package org.surveillanceoversight.oversight;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.util.UUID;

/**
 * The label derived from an assessment's criteria by the rule in the database view
 * oversight_assessment_label (documented in docs/OVERSIGHT.md). Read-only: never typed in.
 */
@Entity
@Immutable
@Table(name = "oversight_assessment_label")
public class OversightLabel extends PanacheEntityBase {

    public enum Label { none, disclosed, consulted, approved, independently_overseen }

    @Id
    @Column(name = "assessment_id")
    public UUID assessmentId;

    @Enumerated(EnumType.STRING)
    public Label label;
}
