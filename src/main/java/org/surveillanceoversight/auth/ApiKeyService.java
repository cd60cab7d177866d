package org.surveillanceoversight.auth;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.surveillanceoversight.common.config.OversightConfig;
import org.surveillanceoversight.common.errors.ApiProblem;
import org.surveillanceoversight.common.records.Sha256;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class ApiKeyService {

    static final String PREFIX = "soa_";
    static final int MIN_BOOTSTRAP_LENGTH = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    EntityManager em;

    @Inject
    OversightConfig config;

    /** A new key's view and its secret, which is shown this once and never stored. */
    public record Created(ApiKeyView key, String secret) {
    }

    /**
     * The first admin key comes from configuration (OVERSIGHT_BOOTSTRAP_ADMIN_KEY), never from code:
     * its hash is stored once; a revoked bootstrap key is not brought back.
     */
    void bootstrap(@Observes StartupEvent event) {
        Optional<String> bootstrapSecret = config.bootstrapAdminKey();
        if (bootstrapSecret.isEmpty() || bootstrapSecret.get().isBlank()) {
            return;
        }
        String secret = bootstrapSecret.get().trim();
        if (secret.length() < MIN_BOOTSTRAP_LENGTH) {
            throw new IllegalStateException("oversight.bootstrap-admin-key must be at least " + MIN_BOOTSTRAP_LENGTH
                    + " characters of random text");
        }
        // replicas starting at the same moment may all find no key: the first insert wins, the others do nothing
        UUID id = UUID.randomUUID();
        int created = em.createNativeQuery("insert into api_key (id, name, role, secret_sha256, created_at) "
                        + "values (:id, 'bootstrap admin', 'admin', :hash, now()) on conflict (secret_sha256) do nothing")
                .setParameter("id", id).setParameter("hash", Sha256.hex(secret)).executeUpdate();
        if (created == 1) {
            Log.infof("Bootstrap admin key %s created from oversight.bootstrap-admin-key", id);
        }
    }

    /** The caller a secret belongs to, if it is an active key; records its use at most once a minute. */
    public Optional<Caller> authenticate(String secret) {
        Optional<ApiKey> key = ApiKey.<ApiKey>find("secretSha256", Sha256.hex(secret)).firstResultOptional();
        if (key.isEmpty() || !key.get().isActive()) {
            return Optional.empty();
        }
        ApiKey k = key.get();
        if (k.lastUsedAt == null || k.lastUsedAt.isBefore(Instant.now().minusSeconds(60))) {
            em.createNativeQuery("update api_key set last_used_at = now() where id = :id")
                    .setParameter("id", k.id).executeUpdate();
        }
        return Optional.of(new Caller(k.id, k.name, k.role));
    }

    public Created create(String name, Role role, Caller creator) {
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
        ApiKey key = new ApiKey();
        key.id = UUID.randomUUID();
        key.name = name.trim();
        key.role = role;
        key.secretSha256 = Sha256.hex(secret);
        key.createdAt = Instant.now();
        key.createdBy = creator.keyId();
        key.persist();
        return new Created(ApiKeyView.of(key), secret);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ApiKeyView> list() {
        return ApiKey.<ApiKey>list("order by createdAt, id").stream().map(ApiKeyView::of).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ApiKeyView> find(UUID id) {
        return ApiKey.<ApiKey>findByIdOptional(id).map(ApiKeyView::of);
    }

    public ApiKeyView revoke(UUID id, String reason, Caller by) {
        ApiKey key = ApiKey.<ApiKey>findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("API key", id));
        if (!key.isActive()) {
            throw new ApiProblem("already-revoked", "Already revoked", 409,
                    "This key was revoked at " + key.revokedAt + ".", List.of());
        }
        key.revokedAt = Instant.now();
        key.revokedBy = by.keyId();
        key.revocationReason = reason.trim();
        return ApiKeyView.of(key);
    }


    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
