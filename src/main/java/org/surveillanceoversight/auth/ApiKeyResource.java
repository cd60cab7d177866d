package org.surveillanceoversight.auth;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.surveillanceoversight.common.errors.ApiProblem;
import org.surveillanceoversight.common.errors.Problem;
import org.surveillanceoversight.common.records.PublicId;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "API keys", description = "Keys for writers; reads need none")
@SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API key: `Authorization: Bearer <key>`. Roles: contributor < editor < reviewer < admin.")
@SecurityRequirement(name = "apiKey")
@APIResponse(responseCode = "401", description = "No key, or an unknown or revoked one",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ApiKeyResource {

    @Inject
    ApiKeyService keys;

    @Inject
    CurrentCaller caller;

    public record NewKey(@NotBlank @Size(max = 200) String name, @NotNull Role role) {
    }

    public record Revocation(@NotBlank @Size(max = 2000) String reason) {
    }

    @Schema(name = "ApiKeyCreated", description = "The new key; `secret` is shown this once and cannot be read again")
    public record Created(UUID id, String name, Role role, Instant createdAt, String secret) {
    }

    @Schema(name = "ApiKeyList")
    public record KeyList(List<ApiKeyView> data) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(operationId = "createApiKey", summary = "Create a key (admin)",
            description = "Creates a named key with one role. The answer carries the secret once; it is stored only as a SHA-256 hash and cannot be read again. Send it as `Authorization: Bearer <secret>`.")
    @APIResponse(responseCode = "403", description = "The key is not an admin's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "201", description = "The key, with its secret shown once",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Created.class)))
    @APIResponse(responseCode = "400", description = "A missing or bad field, named in `errors`",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull NewKey input, @Context UriInfo uri) {
        ApiKeyService.Created created = keys.create(input.name(), input.role(), caller.get());
        ApiKeyView key = created.key();
        return Response.created(uri.getAbsolutePathBuilder().path(key.id().toString()).build())
                .entity(new Created(key.id(), key.name(), key.role(), key.createdAt(), created.secret())).build();
    }

    @GET
    @RolesAllowed("admin")
    @Operation(operationId = "listApiKeys", summary = "List every key, active and revoked (admin); never their secrets",
            description = "Every key with its role, who created it, when it was last used and, for a revoked one, when, by whom and why. Secrets are never stored in the clear and never returned.")
    @APIResponse(responseCode = "403", description = "The key is not an admin's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "200", description = "All keys",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KeyList.class)))
    public KeyList list() {
        return new KeyList(keys.list());
    }

    @GET
    @Path("me")
    @RolesAllowed("contributor")
    @Operation(operationId = "getOwnApiKey", summary = "The key making this request",
            description = "The key that authenticates this request, as admins see it (never its secret): a quick check that a key works and which role it carries. Any role may call it.")
    @APIResponse(responseCode = "200", description = "The caller's key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiKeyView.class)))
    public ApiKeyView me() {
        return keys.find(caller.get().keyId()).orElseThrow(() -> ApiProblem.notFound("API key", caller.get().keyId()));
    }

    @GET
    @Path("{id}")
    @RolesAllowed("admin")
    @Operation(operationId = "getApiKey", summary = "Get one key (admin)",
            description = "One key by its ID, active or revoked, without its secret.")
    @APIResponse(responseCode = "403", description = "The key is not an admin's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "200", description = "The key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiKeyView.class)))
    @APIResponse(responseCode = "400", description = "The ID is not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No key has this ID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ApiKeyView get(@PathParam("id") String id) {
        return keys.find(PublicId.parse(id, "id")).orElseThrow(() -> ApiProblem.notFound("API key", id));
    }

    @POST
    @Path("{id}/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(operationId = "revokeApiKey", summary = "Revoke a key, with a reason (admin); it stops working at once and stays listed",
            description = "Revokes a key with a reason. It stops working at once, stays listed with the reason, and cannot be brought back; a revoked bootstrap key is not recreated by a restart.")
    @APIResponse(responseCode = "403", description = "The key is not an admin's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "200", description = "The revoked key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiKeyView.class)))
    @APIResponse(responseCode = "400", description = "The ID is not a UUID, or the reason is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No key has this ID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already revoked",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ApiKeyView revoke(@PathParam("id") String id, @Valid @NotNull Revocation input) {
        return keys.revoke(PublicId.parse(id, "id"), input.reason(), caller.get());
    }
}
