package org.surveillanceoversight.auth;

import java.util.UUID;

/** Who made a request: the key's ID (never its secret) and role. */
public record Caller(UUID keyId, String keyName, Role role) {
}
