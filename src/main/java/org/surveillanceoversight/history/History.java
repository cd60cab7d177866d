package org.surveillanceoversight.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.surveillanceoversight.auth.Caller;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
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
 * shows the vendor's name, and a new citation changes its source's count. So the candidates are
 * every row the transaction wrote (PostgreSQL's {@code xmin} is the writing transaction's ID) and
 * the records that show them; comparing with the last revision drops the ones that did not change.
 * Replaying every revision in order therefore rebuilds exactly what the API serves.
 *
 * <p>Writers take a transaction-level advisory lock before appending, so revision IDs are in
 * commit order: a reader of the change feed never sees a later ID before an earlier one.
 */
@ApplicationScoped
public class History {

    static final long HISTORY_LOCK = 0x4157_0001L;
    private static final String CURRENT_TX = "pg_current_xact_id()::xid";

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    RecordRenderer renderer;

    /**
     * Records the write of an API key holder to one record (and whatever else it changed); returns
     * that record as the API now shows it, changed or not.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public JsonNode record(Caller caller, String reason, String type, UUID id) {
        return record(actorOf(caller), reason, type, id).get(type + "/" + id);
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
        return record(actor, reason, null, null);
    }

    private Map<String, JsonNode> record(String actor, String reason, String primaryType, UUID primaryId) {
        em.flush();
        // deferred rules (a claim's citations) are checked now, so a broken write fails here as a 422, not at commit
        em.createNativeQuery("set constraints all immediate").executeUpdate();
        em.createNativeQuery("select pg_advisory_xact_lock(:key)").setParameter("key", HISTORY_LOCK).getSingleResult();
        em.clear(); // render from the database, not from entities whose other sides were not kept in step
        Map<String, JsonNode> current = new HashMap<>();

        Set<UUID> changedSources = ids("select id from source where xmin = " + CURRENT_TX);
        if ("source".equals(primaryType)) {
            changedSources.add(primaryId);
        }
        Set<UUID> changedDeployments = ids("select deployment_id from deployment_summary where xmin = " + CURRENT_TX);
        include(changedDeployments, "deployment", primaryType, primaryId);
        List<Revision> deployments = changes("deployment", changedDeployments, current);

        Set<UUID> vendors = ids("select id from vendor where xmin = " + CURRENT_TX
                + " union select vendor_id from vendor_restriction where xmin = " + CURRENT_TX
                + " union select vendor_id from finding where vendor_id is not null and xmin = " + CURRENT_TX);
        if (!changedSources.isEmpty()) {
            vendors.addAll(ids("select coalesce(r.vendor_id, f.vendor_id, c.claim_id) from citation c "
                    + "left join vendor_restriction r on c.claim_type = 'vendor_restriction' and r.id = c.claim_id "
                    + "left join finding f on c.claim_type = 'finding' and f.id = c.claim_id "
                    + "where c.claim_type in ('vendor', 'vendor_restriction', 'finding') "
                    + "and c.source_id = any(cast(:ids as uuid[]))", changedSources));
        }
        for (Revision r : deployments) {
            collect(r, "vendors", "vendor_id", vendors);
        }
        vendors.remove(null);
        include(vendors, "vendor", primaryType, primaryId);
        List<Revision> vendorRevisions = changes("vendor", vendors, current);

        Set<UUID> localities = ids("select id from locality where xmin = " + CURRENT_TX);
        include(localities, "locality", primaryType, primaryId);
        for (Revision r : deployments) {
            collect(r, "localities", "id", localities);
        }
        List<Revision> localityRevisions = changes("locality", localities, current);

        Set<UUID> sources = new LinkedHashSet<>(changedSources);
        for (Revision r : deployments) {
            citedSources(r.before, sources);
            citedSources(r.after, sources);
        }
        for (Revision r : vendorRevisions) {
            citedSources(r.before, sources);
            citedSources(r.after, sources);
        }
        List<Revision> sourceRevisions = changes("source", sources, current);

        List<Revision> all = new ArrayList<>(deployments);
        all.addAll(vendorRevisions);
        all.addAll(localityRevisions);
        all.addAll(sourceRevisions);
        for (Revision r : all) {
            append(r, actor, reason);
        }
        return current;
    }

    private record Revision(String type, UUID id, JsonNode before, JsonNode after) {
    }

    /** Renders the candidates, compares each with its last revision, and keeps those that changed. */
    private List<Revision> changes(String type, Collection<UUID> ids, Map<String, JsonNode> current) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, JsonNode> now = renderer.render(type, ids);
        Map<UUID, JsonNode> last = lastAfter(type, ids);
        List<Revision> changed = new ArrayList<>();
        for (UUID id : ids) {
            JsonNode after = now.get(id);
            if (after != null) {
                current.put(type + "/" + id, after);
            }
            JsonNode before = last.get(id);
            if (after != null && !after.equals(before)) {
                changed.add(new Revision(type, id, before, after));
            }
        }
        return changed;
    }

    /**
     * Gives records that have no revision yet (written before the history began, or by SQL outside
     * the API) a first revision as they stand now, at most {@code limit} per kind; returns how many.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int backfill(int limit) {
        em.createNativeQuery("select pg_advisory_xact_lock(:key)").setParameter("key", HISTORY_LOCK).getSingleResult();
        int appended = 0;
        for (String type : renderer.types()) {
            String table = renderer.kind(type).table();
            String id = renderer.kind(type).idColumn();
            Set<UUID> missing = ids("select t." + id + " from " + table + " t where t.publication <> 'draft' "
                    + "and not exists (select 1 from revision r where r.entity_type = '" + type + "' "
                    + "and r.entity_id = t." + id + "::text) limit " + limit);
            Map<UUID, JsonNode> now = renderer.render(type, missing);
            for (Map.Entry<UUID, JsonNode> e : now.entrySet()) {
                append(new Revision(type, e.getKey(), null, e.getValue()), "system",
                        "History begins: the record as it stood when its history started");
                appended++;
            }
        }
        return appended;
    }

    private Map<UUID, JsonNode> lastAfter(String type, Collection<UUID> ids) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select distinct on (entity_id) entity_id, change -> 'after' "
                        + "from revision where entity_type = :type and entity_id = any(cast(:ids as text[])) "
                        + "order by entity_id, id desc")
                .setParameter("type", type).setParameter("ids", ids.stream().map(UUID::toString).toArray(String[]::new))
                .getResultList();
        Map<UUID, JsonNode> last = new HashMap<>();
        for (Object[] r : rows) {
            last.put(UUID.fromString((String) r[0]), r[1] == null ? null : parse(r[1].toString()));
        }
        return last;
    }

    private void append(Revision r, String actor, String reason) {
        JsonNode version = r.after.get("version");
        em.createNativeQuery("insert into revision (entity_type, entity_id, version, actor, reason, change) "
                        + "values (:type, :id, :version, :actor, :reason, cast(:change as jsonb))")
                .setParameter("type", r.type).setParameter("id", r.id.toString())
                .setParameter("version", version == null ? 0 : version.asInt())
                .setParameter("actor", actor).setParameter("reason", reason)
                .setParameter("change", write(Map.of("before", r.before == null ? json.nullNode() : r.before,
                        "after", r.after)))
                .executeUpdate();
    }

    private static void include(Set<UUID> ids, String type, String primaryType, UUID primaryId) {
        if (type.equals(primaryType)) {
            ids.add(primaryId);
        }
    }

    private static void collect(Revision r, String array, String field, Set<UUID> into) {
        for (JsonNode doc : new JsonNode[] {r.before, r.after}) {
            if (doc != null && doc.get(array) != null) {
                for (JsonNode item : doc.get(array)) {
                    if (item.hasNonNull(field)) {
                        into.add(UUID.fromString(item.get(field).asText()));
                    }
                }
            }
        }
    }

    /** Every source a representation cites, wherever its citations sit. */
    private static void citedSources(JsonNode node, Set<UUID> into) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            JsonNode citations = node.get("citations");
            if (citations != null && citations.isArray()) {
                for (JsonNode c : citations) {
                    JsonNode id = c.path("source").path("id");
                    if (id.isTextual()) {
                        into.add(UUID.fromString(id.asText()));
                    }
                }
            }
        }
        if (node.isContainerNode()) {
            node.forEach(child -> citedSources(child, into));
        }
    }

    private Set<UUID> ids(String sql) {
        @SuppressWarnings("unchecked")
        List<UUID> rows = em.createNativeQuery(sql).getResultList();
        return new LinkedHashSet<>(rows);
    }

    private Set<UUID> ids(String sql, Set<UUID> param) {
        @SuppressWarnings("unchecked")
        List<UUID> rows = em.createNativeQuery(sql).setParameter("ids", param.toArray(UUID[]::new)).getResultList();
        return new LinkedHashSet<>(rows);
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
