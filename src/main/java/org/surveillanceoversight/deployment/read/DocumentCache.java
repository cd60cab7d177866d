package org.surveillanceoversight.deployment.read;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.surveillanceoversight.common.config.OversightConfig;

import java.util.Optional;
import java.util.UUID;

/**
 * The hot deployment documents in memory, as UTF-8 bytes, each under the revision it was
 * rendered at. A reader first reads the current revision from PostgreSQL and takes a cached
 * document only when the revisions are equal, so this cache can never serve a stale document and
 * replicas never disagree; it only spares the database sending the same bytes again. Bounded by
 * size (least recently and frequently used documents leave first).
 */
@ApplicationScoped
public class DocumentCache {

    /** A kept document and the revision it was rendered at. */
    public record Hit(long revision, byte[] body) {
    }

    private final Cache<UUID, Hit> cache;
    private final long maxBytes;

    @Inject
    DocumentCache(OversightConfig config) {
        Optional<MemorySize> size = config.documents().cacheSize();
        // by default a quarter of the heap, so a small heap (the export runs at -Xmx128m) keeps room to work
        maxBytes = size.map(MemorySize::asLongValue).orElse(Runtime.getRuntime().maxMemory() / 4);
        cache = Caffeine.newBuilder().maximumWeight(maxBytes)
                .weigher((UUID id, Hit c) -> c.body().length + 64)
                .build();
    }

    /** The document of this deployment at exactly this revision, or null. */
    public byte[] get(UUID id, long revision) {
        Hit c = cache.getIfPresent(id);
        return c != null && c.revision() == revision ? c.body() : null;
    }

    /** The kept document of this deployment, whatever its revision (the caller checks it), or null. */
    public Hit latest(UUID id) {
        return cache.getIfPresent(id);
    }

    /** Keeps a document unless a newer revision of it is already kept. */
    public void put(UUID id, long revision, byte[] body) {
        if (maxBytes > 0) {
            cache.asMap().merge(id, new Hit(revision, body), (old, given) -> old.revision() > given.revision() ? old : given);
        }
    }

    /** Forgets every document (tests measure the database path with it). */
    public void clear() {
        cache.invalidateAll();
    }
}
