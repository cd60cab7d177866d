package org.surveillanceoversight.submission;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;
import org.surveillanceoversight.common.errors.Problem;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The error responses of accepting and of rejecting a submission. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@APIResponses({
        @APIResponse(responseCode = "400", description = "A missing note or a malformed ID, named in `errors`",
                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
        @APIResponse(responseCode = "403", description = "The key's role is below reviewer",
                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
        @APIResponse(responseCode = "404", description = "No submission has this ID",
                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
        @APIResponse(responseCode = "409", description = "Already accepted or rejected",
                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
})
public @interface ReviewResponses {
}
