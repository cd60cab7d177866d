package org.surveillanceoversight.common.errors;

import java.util.List;

/** A failure the caller can act on; the mapper turns it into a problem response with this status. */
public class ApiProblem extends RuntimeException {

    public final String code;
    public final String title;
    public final int status;
    public final List<FieldError> errors;

    public ApiProblem(String code, String title, int status, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.code = code;
        this.title = title;
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public static ApiProblem notFound(String resource, Object id) {
        return new ApiProblem("not-found", "Not found", 404, "No " + resource + " has the ID " + id + ".", List.of());
    }

    public static ApiProblem badRequest(String code, String title, String detail, FieldError... errors) {
        return new ApiProblem(code, title, 400, detail, List.of(errors));
    }
}
