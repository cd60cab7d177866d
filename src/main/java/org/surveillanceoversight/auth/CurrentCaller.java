package org.surveillanceoversight.auth;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** The authenticated caller of this request, as ApiKeyIdentityProvider recorded it in the security identity. */
@RequestScoped
public class CurrentCaller {

    @Inject
    SecurityIdentity identity;

    public Caller get() {
        Caller caller = identity.getAttribute(ApiKeyIdentityProvider.CALLER);
        if (caller == null) {
            throw new IllegalStateException("no authenticated caller: the operation lacks @RolesAllowed");
        }
        return caller;
    }
}
