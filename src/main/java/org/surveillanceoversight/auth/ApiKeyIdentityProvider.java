package org.surveillanceoversight.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.surveillanceoversight.common.database.ReadReplica;

import java.util.Optional;

/**
 * Turns a presented key into an identity: the key's ID as the principal, its role and every role
 * below it (Role.andBelow), and the Caller the services record in the history.
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyRequest> {

    static final String CALLER = "caller";

    @Inject
    ApiKeyService keys;

    @Override
    public Class<ApiKeyRequest> getRequestType() {
        return ApiKeyRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> identityOf(request.secret()));
    }

    SecurityIdentity identityOf(String secret) {
        // always against the primary: a key revoked a moment ago must stop at once, whatever a replica has replayed
        Caller caller = (secret.isEmpty() ? Optional.<Caller>empty() : ReadReplica.onPrimary(() -> keys.authenticate(secret)))
                .orElseThrow(() -> new AuthenticationFailedException("The API key is unknown or revoked."));
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(caller.keyId().toString()))
                .addAttribute(CALLER, caller);
        caller.role().andBelow().forEach(role -> identity.addRole(role.name()));
        return identity.build();
    }
}
