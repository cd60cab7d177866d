package org.surveillanceoversight.common.errors;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** An RFC 9457 problem detail, served as application/problem+json. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details; `errors` lists field-level validation errors.")
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:surveillance-oversight:problem:";

    public static Problem of(String code, String title, int status, String detail, String instance, List<FieldError> errors) {
        return new Problem(TYPE_PREFIX + code, title, status, detail, instance, errors);
    }
}
