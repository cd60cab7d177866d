package org.surveillanceoversight.common.records;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

import java.time.Instant;
import java.util.UUID;

/** A record that is published, drafted or retracted, never deleted, and versioned for optimistic locking. */
@MappedSuperclass
public abstract class PublishableRecord extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Publication publication = Publication.published;

    public Instant retractedAt;
    public String retractedBy;
    public String retractionReason;

    @Version
    public int version;

    @CreationTimestamp
    @Column(updatable = false)
    public Instant createdAt;

    @UpdateTimestamp
    public Instant updatedAt;

    public boolean isPublished() {
        return publication == Publication.published;
    }
}
