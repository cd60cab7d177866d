package org.surveillanceoversight.submission;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.surveillanceoversight.auth.CurrentCaller;
import org.surveillanceoversight.common.errors.ApiProblem;
import org.surveillanceoversight.common.query.PageParams;
import org.surveillanceoversight.common.query.PageResponse;
import org.surveillanceoversight.common.errors.Problem;
import org.surveillanceoversight.common.records.PublicId;
import org.surveillanceoversight.common.query.QueryParams;

import java.util.List;

@Path("/api/v1/submissions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Submissions", description = "Tips and corrections from anyone, moderated by reviewers")
public class SubmissionResource {

    @Inject
    SubmissionService submissions;

    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createSubmission", summary = "Send a tip or a correction (anyone, no key)",
            description = "It waits for a reviewer. Give contact details only if you want to be asked back; your "
                    + "network address is not stored. A correction may carry a JSON merge patch on the record's input form.")
    @APIResponse(responseCode = "202", description = "Queued; the receipt holds its ID",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmissionView.Receipt.class)))
    @APIResponse(responseCode = "400", description = "A missing or bad field, named in `errors`",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "It names a record that does not exist, or a correction names none",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submit(@Valid @NotNull SubmissionInput input) {
        return Response.accepted(submissions.submit(input)).build();
    }

    @GET
    @RolesAllowed("reviewer")
    @SecurityRequirement(name = "apiKey")
    @Operation(operationId = "listSubmissions", summary = "The moderation queue, oldest first (reviewer)",
            description = "Tips and corrections sent by the public, oldest first, filtered by `state` (pending by default). Each shows only what the submitter chose to give.")
    @APIResponse(responseCode = "200", description = "A page of submissions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmissionView.SubmissionPage.class)))
    @APIResponse(responseCode = "400", description = "An unknown parameter or a bad value, named in `errors`",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The key's role is below reviewer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(@Parameter(description = "pending (default), accepted or rejected; repeatable",
                                 schema = @Schema(type = SchemaType.ARRAY, enumeration = {"pending", "accepted", "rejected"}))
                         @QueryParam("state") List<String> state,
                         @BeanParam PageParams page,
                         @Context UriInfo uri) {
        QueryParams params = new QueryParams(uri.getQueryParameters(), List.of("state", "limit", "cursor"));
        List<String> states = params.oneOf("state", List.of("pending", "accepted", "rejected"));
        int pageSize = page.limit(params);
        params.check();
        return PageResponse.of(submissions.list(states.isEmpty() ? List.of("pending") : states, page.cursor, pageSize), uri);
    }

    @GET
    @Path("{id}")
    @RolesAllowed("reviewer")
    @SecurityRequirement(name = "apiKey")
    @Operation(operationId = "getSubmission", summary = "One submission (reviewer)",
            description = "One tip or correction with its proposed merge patch (if any), the sources it names and, once reviewed, who decided and why.")
    @APIResponse(responseCode = "200", description = "The submission",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmissionView.class)))
    @APIResponse(responseCode = "400", description = "The ID is not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The key's role is below reviewer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No submission has this ID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SubmissionView get(@PathParam("id") String id) {
        return submissions.find(PublicId.parse(id, "id")).orElseThrow(() -> ApiProblem.notFound("submission", id));
    }

    @POST
    @Path("{id}/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("reviewer")
    @SecurityRequirement(name = "apiKey")
    @Operation(operationId = "acceptSubmission", summary = "Accept a submission with a note (reviewer); a proposed change is applied as your edit",
            description = "The edit's revision names the submission. If the change is invalid for the record as it is now, "
                    + "nothing happens and the errors are returned; the submission stays pending.")
    @APIResponse(responseCode = "200", description = "The accepted submission, with the resulting revision",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmissionView.class)))
    @ReviewResponses
    @APIResponse(responseCode = "422", description = "The proposed change cannot be applied to the record; fields named in `errors`",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SubmissionView accept(@PathParam("id") String id, @Valid @NotNull SubmissionView.ReviewInput input) {
        return submissions.accept(PublicId.parse(id, "id"), input.note(), caller.get());
    }

    @POST
    @Path("{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("reviewer")
    @SecurityRequirement(name = "apiKey")
    @Operation(operationId = "rejectSubmission", summary = "Reject a submission with a reason (reviewer)",
            description = "Closes a pending submission without applying it; the note says why and is kept with it.")
    @APIResponse(responseCode = "200", description = "The rejected submission",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmissionView.class)))
    @ReviewResponses
    public SubmissionView reject(@PathParam("id") String id, @Valid @NotNull SubmissionView.ReviewInput input) {
        return submissions.reject(PublicId.parse(id, "id"), input.note(), caller.get());
    }
}
