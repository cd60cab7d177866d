package org.surveillanceoversight.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.surveillanceoversight.auth.Caller;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The append-only history of what the API shows. At the end of every write (and of every seed
 * load), inside the write's own transaction, it finds each record whose representation may have
 * changed, renders it as GET would, and appends a revision with who, when, why, and the record
 * before and after, unless the representation is unchanged.
 *
 * <p>A write changes more than the row it names: renaming a vendor changes every deployment that
 * shows the vendor's name, and a new citation changes its source's count. Triggers note each
 * record whose rows the transaction wrote, or whose representation shows them, in
 * {@code written_record} (V7), so the candidates come from the write itself, at any registry size;
 * comparing with the last revision drops the ones that did not change.
 * Replaying every revision in order therefore rebuilds exactly what the API serves.
 *
 * <p>Writers take a transaction-level advisory lock before appending, so revision IDs are in
 * commit order: a reader of the change feed never sees a later ID before an earlier one.
 */
@ApplicationScoped
public class History {

    static final long HISTORY_LOCK = 0x4157_0001L;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    RecordRenderer renderer;

    /** A record as the API now shows it, and its revision (the ID of its latest revision: its ETag). */
    public record Recorded(JsonNode view, long revision) {
    }

    /**
     * Records a write to one record (and whatever else it changed); returns that record as the API
     * now shows it, changed or not, with its revision.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Recorded record(String actor, String reason, String type, UUID id) {
        Recording done = record(actor, reason, type, id, true);
        String key = type + "/" + id;
        return new Recorded(done.current().get(key), done.revisions().getOrDefault(key, 0L));
    }

    /**
     * A record's revision: the ID of its latest revision, raised by every change to what its GET
     * shows (0 for a record whose history has not started yet). Its ETag is made from it.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long revisionOf(String type, UUID id) {
        Number latest = (Number) em.createNativeQuery("select coalesce(max(id), 0) from revision "
                + "where entity_type = :type and entity_id = :id")
                .setParameter("type", type).setParameter("id", id.toString()).getSingleResult();
        return latest.longValue();
    }

    public static String actorOf(Caller caller) {
        return "api_key:" + caller.keyId();
    }

    /**
     * Appends a revision for every record the current transaction changed, as rendered now. Returns
     * the current representation of every candidate, keyed "type/id", changed or not.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, JsonNode> record(String actor, String reason) {
        return record(actor, reason, null, null, false).current();
    }

    /** What a write recorded: every candidate as the API now shows it, and its revision, keyed "type/id". */
    private record Recording(Map<String, JsonNode> current, Map<String, Long> revisions) {
    }

    /**
     * What the write changed, rendered and compared with the last revisions, before any revision
     * is appended: the revisions to append, the revision each candidate was at when it was read
     * (before it was rendered), and every candidate as rendered.
     */
    private record Plan(List<Revision> changed, Map<String, Long> seen, Map<String, JsonNode> current) {
    }

    private Recording record(String actor, String reason, String primaryType, UUID primaryId, boolean withPrimary) {
        em.flush();
        // the deferred rules (a claim's citations) are checked now, so a broken write fails here as a 422, not
        // at commit, then deferred again for a transaction that writes on (the seed); the data version stays
        // deferred: it is raised at commit (V8)
        em.createNativeQuery("set constraints claim_requires_citation, citation_integrity immediate").executeUpdate();
        em.createNativeQuery("set constraints claim_requires_citation, citation_integrity deferred").executeUpdate();
        Map<String, Set<UUID>> written = written();
        if (withPrimary) {
            written.computeIfAbsent(primaryType, k -> new LinkedHashSet<>()).add(primaryId);
        }
        em.clear(); // render from the database, not from entities whose other sides were not kept in step
        // Rendered before the lock, so writers render side by side; what another writer committed
        // since (a revision of a record rendered here) is rendered again under the lock.
        Plan plan = plan(written);
        // Revision IDs in commit order: one writer at a time from here to its commit, and nothing
        // slow inside: one indexed read of the candidates' revisions, the appends, the commit.
        em.createNativeQuery("select pg_advisory_xact_lock(:key)").setParameter("key", HISTORY_LOCK).getSingleResult();
        if (!plan.seen().equals(latestRevisions(plan.seen().keySet()))) {
            em.clear();
            plan = plan(written);
        }
        Map<String, Long> revisions = new HashMap<>(plan.seen());
        for (Revision r : plan.changed()) {
            revisions.put(r.type() + "/" + r.id(), append(r, actor, reason));
        }
        return new Recording(plan.current(), revisions);
    }

    private Plan plan(Map<String, Set<UUID>> written) {
        Map<String, JsonNode> current = new HashMap<>();
        Map<String, Long> seen = new HashMap<>();
        List<Revision> deployments = changes("deployment", written.getOrDefault("deployment", Set.of()), current, seen);
        Set<UUID> vendors = new LinkedHashSet<>(written.getOrDefault("vendor", Set.of()));
        Set<UUID> localities = new LinkedHashSet<>(written.getOrDefault("locality", Set.of()));
        for (Revision r : deployments) {
            // vendors and localities count the published deployments that name them
            countedIn(r, "vendors", "vendor_id", vendors);
            countedIn(r, "localities", "id", localities);
        }
        List<Revision> changed = new ArrayList<>(deployments);
        changed.addAll(changes("vendor", vendors, current, seen));
        changed.addAll(changes("locality", localities, current, seen));
        changed.addAll(changes("source", written.getOrDefault("source", Set.of()), current, seen));
        return new Plan(changed, seen, current);
    }

    /** The latest revision ID of each record, keyed "type/id" (0 for none), in one indexed read. */
    private Map<String, Long> latestRevisions(Set<String> keys) {
        Map<String, Long> latest = new HashMap<>();
        if (keys.isEmpty()) {
            return latest;
        }
        String[] types = keys.stream().map(k -> k.substring(0, k.indexOf('/'))).toArray(String[]::new);
        String[] ids = keys.stream().map(k -> k.substring(k.indexOf('/') + 1)).toArray(String[]::new);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select k.type, k.id, (select coalesce(max(r.id), 0) from revision r "
                        + "where r.entity_type = k.type and r.entity_id = k.id) "
                        + "from unnest(cast(:types as text[]), cast(:ids as text[])) as k(type, id)")
                .setParameter("types", types).setParameter("ids", ids).getResultList();
        for (Object[] r : rows) {
            latest.put(r[0] + "/" + r[1], ((Number) r[2]).longValue());
        }
        return latest;
    }

    /** The records the current transaction changed, as its triggers noted them (and forgets them). */
    private Map<String, Set<UUID>> written() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("delete from written_record where tx = pg_current_xact_id() "
                + "returning entity_type, entity_id").getResultList();
        Map<String, Set<UUID>> written = new HashMap<>();
        for (Object[] r : rows) {
            written.computeIfAbsent((String) r[0], k -> new LinkedHashSet<>()).add((UUID) r[1]);
        }
        return written;
    }

    private record Revision(String type, UUID id, JsonNode before, JsonNode after) {
    }

    /**
     * Reads the candidates' last revisions, then renders them, and keeps those that changed; notes
     * the revision each was at and how each is shown now.
     */
    private List<Revision> changes(String type, Collection<UUID> ids, Map<String, JsonNode> current,
                                   Map<String, Long> seen) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Last> last = lastRevisions(type, ids);
        Map<UUID, JsonNode> now = renderer.render(type, ids);
        List<Revision> changed = new ArrayList<>();
        for (UUID id : ids) {
            Last before = last.get(id);
            seen.put(type + "/" + id, before == null ? 0L : before.id());
            JsonNode after = now.get(id);
            if (after != null) {
                current.put(type + "/" + id, after);
            }
            JsonNode beforeView = before == null ? null : before.after();
            if (after != null && !after.equals(beforeView)) {
                changed.add(new Revision(type, id, beforeView, after));
            }
        }
        return changed;
    }

    /**
     * Gives records that have no revision yet (written before the history began, or by SQL outside
     * the API) a first revision as they stand now, at most {@code limit} per kind; returns how many.
     * The search for them runs before the history's lock, so writers never wait on it; under the
     * lock only the records found are checked again and rendered.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int backfill(int limit) {
        Map<String, Set<UUID>> missing = new LinkedHashMap<>();
        for (String type : renderer.types()) {
            Set<UUID> ids = withoutRevision(type, null, limit);
            if (!ids.isEmpty()) {
                missing.put(type, ids);
            }
        }
        if (missing.isEmpty()) {
            return 0;
        }
        em.createNativeQuery("select pg_advisory_xact_lock(:key)").setParameter("key", HISTORY_LOCK).getSingleResult();
        int appended = 0;
        for (Map.Entry<String, Set<UUID>> kind : missing.entrySet()) {
            String type = kind.getKey();
            Map<UUID, JsonNode> now = renderer.render(type, withoutRevision(type, kind.getValue(), limit));
            for (Map.Entry<UUID, JsonNode> e : now.entrySet()) {
                append(new Revision(type, e.getKey(), null, e.getValue()), "system",
                        "History begins: the record as it stood when its history started");
                appended++;
            }
        }
        return appended;
    }

    /** Public records of a kind that have no revision, among the given IDs (or all when null). */
    private Set<UUID> withoutRevision(String type, Set<UUID> among, int limit) {
        String table = renderer.kind(type).table();
        String id = renderer.kind(type).idColumn();
        Query query = em.createNativeQuery("select t." + id + " from " + table + " t "
                + "where t.publication <> 'draft' " + (among == null ? "" : "and t." + id + " = any(cast(:ids as uuid[])) ")
                + "and not exists (select 1 from revision r where r.entity_type = :type "
                + "and r.entity_id = t." + id + "::text) limit " + limit).setParameter("type", type);
        if (among != null) {
            query.setParameter("ids", among.toArray(UUID[]::new));
        }
        @SuppressWarnings("unchecked")
        List<UUID> rows = query.getResultList();
        return new LinkedHashSet<>(rows);
    }

    /** Forgets the written records of transactions that ended without asking for history (bulk loads, SQL by hand). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int forgetEndedWrites() {
        return em.createNativeQuery("delete from written_record where tx < pg_snapshot_xmin(pg_current_snapshot())")
                .executeUpdate();
    }

    /** A record's latest revision: its ID and the record as it showed after it. */
    private record Last(long id, JsonNode after) {
    }

    private Map<UUID, Last> lastRevisions(String type, Collection<UUID> ids) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select distinct on (entity_id) entity_id, id, change -> 'after' "
                        + "from revision where entity_type = :type and entity_id = any(cast(:ids as text[])) "
                        + "order by entity_id, id desc")
                .setParameter("type", type).setParameter("ids", ids.stream().map(UUID::toString).toArray(String[]::new))
                .getResultList();
        Map<UUID, Last> last = new HashMap<>();
        for (Object[] r : rows) {
            last.put(UUID.fromString((String) r[0]), new Last(((Number) r[1]).longValue(),
                    r[2] == null ? null : parse(r[2].toString())));
        }
        return last;
    }

    /** Appends one revision; returns its ID. */
    private long append(Revision r, String actor, String reason) {
        JsonNode version = r.after.get("version");
        Number id = (Number) em.createNativeQuery("insert into revision (entity_type, entity_id, version, actor, reason, change) "
                        + "values (:type, :id, :version, :actor, :reason, cast(:change as jsonb)) returning id")
                .setParameter("type", r.type).setParameter("id", r.id.toString())
                .setParameter("version", version == null ? 0 : version.asInt())
                .setParameter("actor", actor).setParameter("reason", reason)
                .setParameter("change", write(Map.of("before", r.before == null ? json.nullNode() : r.before,
                        "after", r.after)))
                .getSingleResult();
        return id.longValue();
    }

    /**
     * The records a deployment's change changes the count of: those it named only before or only
     * after, or all it named when its publication changed.
     */
    private static void countedIn(Revision r, String array, String field, Set<UUID> into) {
        Set<UUID> before = named(r.before, array, field);
        Set<UUID> after = named(r.after, array, field);
        boolean republished = r.before == null
                || !r.before.path("publication").equals(r.after.path("publication"));
        for (UUID id : before) {
            if (republished || !after.contains(id)) {
                into.add(id);
            }
        }
        for (UUID id : after) {
            if (republished || !before.contains(id)) {
                into.add(id);
            }
        }
    }

    private static Set<UUID> named(JsonNode doc, String array, String field) {
        Set<UUID> ids = new LinkedHashSet<>();
        if (doc != null && doc.get(array) != null) {
            for (JsonNode item : doc.get(array)) {
                if (item.hasNonNull(field)) {
                    ids.add(UUID.fromString(item.get(field).asText()));
                }
            }
        }
        return ids;
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
