package org.surveillanceoversight.auth;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** An API key as admins see it: never its secret or hash. */
@Schema(name = "ApiKey")
public record ApiKeyView(UUID id, String name, Role role, Instant createdAt, @Schema(nullable = true) UUID createdBy, @Schema(nullable = true) Instant lastUsedAt,
                         @Schema(nullable = true) Instant revokedAt, @Schema(nullable = true) UUID revokedBy, @Schema(nullable = true) String revocationReason) {

    static ApiKeyView of(ApiKey k) {
        return new ApiKeyView(k.id, k.name, k.role, k.createdAt, k.createdBy, k.lastUsedAt, k.revokedAt, k.revokedBy,
                k.revocationReason);
    }
}
