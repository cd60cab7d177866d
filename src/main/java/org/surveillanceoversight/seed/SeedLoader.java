package org.surveillanceoversight.seed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.CollectionType;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.surveillanceoversight.common.config.OversightConfig;
import org.surveillanceoversight.common.records.Sha256;
import org.surveillanceoversight.history.History;
import org.surveillanceoversight.history.RecordWriter;
import org.surveillanceoversight.seed.SeedRecords.CountrySeed;
import org.surveillanceoversight.seed.SeedRecords.DeploymentSeed;
import org.surveillanceoversight.seed.SeedRecords.FindingSeed;
import org.surveillanceoversight.seed.SeedRecords.LocalitySeed;
import org.surveillanceoversight.seed.SeedRecords.SourceSeed;
import org.surveillanceoversight.seed.SeedRecords.VendorSeed;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Loads the first real records from the readable files in src/main/resources/seed at start.
 * A file is applied only when its SHA-256 differs from the one recorded in seed_file, so
 * restarts change nothing; a corrected file updates its records in place. All files load in
 * one transaction under an advisory lock, so replicas starting together seed once.
 */
@ApplicationScoped
public class SeedLoader {

    /** In dependency order: a file may only refer to records of the files before it. */
    static final List<String> FILES = List.of("countries.json", "sources.json", "localities.json",
            "vendors.json", "findings.json", "deployments.json");
    private static final long SEED_LOCK = 0x5EED_0001L;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    History history;

    @Inject
    SeedWriter writer;

    @Inject
    OversightConfig config;

    void onStart(@Observes StartupEvent event) {
        if (config.seed().enabled()) {
            List<String> applied = load();
            Log.infof(applied.isEmpty() ? "Seed data is up to date" : "Seed data applied from %s", applied);
        }
    }

    /** Applies every seed file that changed; returns their names. Refuses the whole seed on any problem. */
    @Transactional
    public List<String> load() {
        em.createNativeQuery("select pg_advisory_xact_lock(:key)").setParameter("key", SEED_LOCK).getSingleResult();
        List<String> applied = new ArrayList<>();
        apply("countries.json", CountrySeed.class, SeedWriter::countries, applied);
        apply("sources.json", SourceSeed.class, SeedWriter::sources, applied);
        apply("localities.json", LocalitySeed.class, SeedWriter::localities, applied);
        apply("vendors.json", VendorSeed.class, SeedWriter::vendors, applied);
        apply("findings.json", FindingSeed.class, SeedWriter::findings, applied);
        apply("deployments.json", DeploymentSeed.class, SeedWriter::deployments, applied);
        if (!applied.isEmpty()) {
            // what the files without a writer of their own changed (countries, findings) is recorded too
            history.record(RecordWriter.SEED, "Seed files applied: " + String.join(", ", applied));
        }
        return applied;
    }

    private <T> void apply(String file, Class<T> type, BiConsumer<SeedWriter, List<T>> write, List<String> applied) {
        byte[] content = read(file);
        String sha256 = Sha256.hex(content);
        List<?> recorded = em.createNativeQuery("select sha256 from seed_file where name = :name")
                .setParameter("name", file).getResultList();
        if (!recorded.isEmpty() && sha256.equals(recorded.get(0))) {
            return;
        }
        writer.begin("Seed file " + file + " applied (SHA-256 " + sha256.substring(0, 12) + ")");
        write.accept(writer, parse(file, content, type));
        if (!writer.problems().isEmpty()) {
            throw new SeedException(file, writer.problems());
        }
        em.flush();
        em.createNativeQuery("insert into seed_file (name, sha256) values (:name, :sha) "
                        + "on conflict (name) do update set sha256 = excluded.sha256, applied_at = now()")
                .setParameter("name", file).setParameter("sha", sha256).executeUpdate();
        applied.add(file);
    }

    private <T> List<T> parse(String file, byte[] content, Class<T> type) {
        CollectionType listType = json.getTypeFactory().constructCollectionType(List.class, type);
        try {
            return json.readValue(content, listType);
        } catch (IOException e) {
            throw new SeedException(file, List.of(e.getMessage()));
        }
    }

    private static byte[] read(String file) {
        try (InputStream in = SeedLoader.class.getResourceAsStream("/seed/" + file)) {
            if (in == null) {
                throw new SeedException(file, List.of("the file is missing from the application"));
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new SeedException(file, List.of(e.getMessage()));
        }
    }


    /** The seed cannot be loaded as written; the message lists every problem with its place. */
    public static class SeedException extends RuntimeException {
        public final List<String> problems;

        public SeedException(String file, List<String> problems) {
            super("seed/" + file + " cannot be loaded:\n  - " + String.join("\n  - ", problems));
            this.problems = List.copyOf(problems);
        }
    }
}
