package org.surveillanceoversight.auth;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The secret a request presented (possibly empty, when the header was not a Bearer one). */
public class ApiKeyRequest extends BaseAuthenticationRequest {

    private final String secret;

    ApiKeyRequest(String secret) {
        this.secret = secret;
    }

    String secret() {
        return secret;
    }
}
