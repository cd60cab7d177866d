package org.surveillanceoversight.auth;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.Arrays;
import java.util.List;
/**
 * What a key may do; each role may do everything the roles before it may. Contributors submit
 * tips and corrections, editors create and edit records, reviewers publish and retract, admins
 * manage keys.
 */
@Schema(name = "Role")
public enum Role {
    contributor, editor, reviewer, admin;

    public boolean covers(Role required) {
        return compareTo(required) >= 0;
    }

    /** This role and every role it covers: the roles a key of this role holds for @RolesAllowed. */
    public List<Role> andBelow() {
        return Arrays.stream(values()).filter(this::covers).toList();
    }
}
