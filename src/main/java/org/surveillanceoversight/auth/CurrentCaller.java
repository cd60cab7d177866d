package org.surveillanceoversight.auth;

import jakarta.enterprise.context.RequestScoped;

/** The authenticated caller of this request, set by KeyAuthentication on protected operations. */
@RequestScoped
public class CurrentCaller {

    private Caller caller;

    void set(Caller caller) {
        this.caller = caller;
    }

    public Caller get() {
        if (caller == null) {
            throw new IllegalStateException("no authenticated caller: the operation lacks @RequiresRole");
        }
        return caller;
    }
}
