package org.surveillanceoversight.common.contract;

import org.surveillanceoversight.common.errors.Problem;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The error responses of every create (401 and the HTTP layer's own are added to every operation by ContractConventions). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@APIResponses({
        @APIResponse(responseCode = "400", description = "A missing or bad field, named in `errors`",
                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
        @APIResponse(responseCode = "403", description = "The key's role may not do this",
                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
        @APIResponse(responseCode = "422", description = "The body names records that do not exist or breaks a rule of the registry (fields named in `errors`), or the Idempotency-Key was used with another body",
                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
})
public @interface CreateResponses {
}
