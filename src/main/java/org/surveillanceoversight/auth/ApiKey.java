package org.surveillanceoversight.auth;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import java.time.Instant;
import java.util.UUID;

/** An API key: a name, a role and the hash of its secret. Revoked, never deleted. */
@Entity
public class ApiKey extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    @Enumerated(EnumType.STRING)
    public Role role;
    public String secretSha256;
    public Instant createdAt;
    public UUID createdBy;
    public Instant lastUsedAt;
    public Instant revokedAt;
    public UUID revokedBy;
    public String revocationReason;

    public boolean isActive() {
        return revokedAt == null;
    }
}
