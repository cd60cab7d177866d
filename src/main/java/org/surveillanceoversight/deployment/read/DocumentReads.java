package org.surveillanceoversight.deployment.read;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import org.surveillanceoversight.common.database.ReadReplica;
import org.surveillanceoversight.common.errors.DatabaseOutage;
import org.surveillanceoversight.common.http.IfMatch;
import org.surveillanceoversight.common.query.Keyset;
import org.surveillanceoversight.common.query.SqlWhere;
import org.surveillanceoversight.common.records.Sha256;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The hottest reads, get-by-id and the list page, off the worker threads: non-blocking queries
 * with the reactive client on the event loop, answered from the stored documents (and, where the
 * revision matches, from the in-memory {@link DocumentCache}). Only a missing or stale document
 * goes to a worker thread to be rendered (blocking, with Hibernate) and stored.
 */
@ApplicationScoped
public class DocumentReads {

    @Inject
    ReadReplica replica;

    @Inject
    DeploymentService deployments;

    @Inject
    DocumentCache cache;

    private final AtomicLong statements = new AtomicLong();

    /** A deployment's current document (UTF-8) and its strong ETag, made from its revision as every record's is. */
    public record Current(String etag, byte[] body) {
    }

    /** One deployment's current document and ETag; empty when there is none or it is a draft. */
    public Uni<Optional<Current>> find(UUID id) {
        String route = replica.route();
        DocumentCache.Hit known = cache.latest(id);
        // the body travels only when the cached one is not of the current summary revision; the
        // record's revision (its latest in the history) is read in the same statement, so they agree
        return execute(route, "select s.revision, s.publication, case when s.revision = $2 then null else d.body end, "
                        + "s.revision = $2, (select coalesce(max(r.id), 0) from revision r "
                        + "where r.entity_type = 'deployment' and r.entity_id = $3) from deployment_summary s "
                        + "left join deployment_document d on d.deployment_id = s.deployment_id and d.revision = s.revision "
                        + "where s.deployment_id = $1", Tuple.of(id, known == null ? -1L : known.revision(), id.toString()))
                .flatMap(rows -> {
                    RowIterator<Row> it = rows.iterator();
                    if (!it.hasNext()) {
                        return Uni.createFrom().item(Optional.<Current>empty());
                    }
                    Row row = it.next();
                    long revision = row.getLong(0);
                    if ("draft".equals(row.getString(1))) {
                        return Uni.createFrom().item(Optional.<Current>empty());
                    }
                    String etag = IfMatch.etag(row.getLong(4));
                    if (row.getBoolean(3)) {
                        return Uni.createFrom().item(Optional.of(new Current(etag, known.body())));
                    }
                    String body = row.getString(2);
                    if (body != null) {
                        // not kept: single reads spread over the whole registry, and keeping each one costs more
                        // (copies, garbage collection) than it saves; list pages fill the cache with what is browsed
                        return Uni.createFrom().item(Optional.of(new Current(etag, body.getBytes(StandardCharsets.UTF_8))));
                    }
                    return onWorker(route, () -> render(List.of(id)).values().stream().findFirst()
                            .map(hit -> new Current(etag, hit.body())));
                });
    }

    /** A page of documents as UTF-8 bytes in page order, with the revisions they are at and the page's cursors. */
    public record Page(List<UUID> ids, List<Long> revisions, List<byte[]> bodies, String nextCursor, String prevCursor) {

        /** The page in the shape of every list ({"data": [...], "limit", "next_cursor", "prev_cursor"}), documents copied as they are. */
        public byte[] toJson(int limit) {
            byte[] head = "{\"data\":[".getBytes(StandardCharsets.US_ASCII);
            byte[] tail = ("],\"limit\":" + limit + ",\"next_cursor\":" + quoted(nextCursor)
                    + ",\"prev_cursor\":" + quoted(prevCursor) + "}").getBytes(StandardCharsets.US_ASCII);
            int size = head.length + tail.length + Math.max(0, bodies.size() - 1);
            for (byte[] body : bodies) {
                size += body.length;
            }
            byte[] out = new byte[size];
            int at = 0;
            System.arraycopy(head, 0, out, at, head.length);
            at += head.length;
            for (int i = 0; i < bodies.size(); i++) {
                if (i > 0) {
                    out[at++] = ',';
                }
                byte[] body = bodies.get(i);
                System.arraycopy(body, 0, out, at, body.length);
                at += body.length;
            }
            System.arraycopy(tail, 0, out, at, tail.length);
            return out;
        }

        /** A tag that changes whenever the page would: its documents' IDs and revisions, its size and cursors. */
        public String etag(int limit) {
            StringBuilder what = new StringBuilder().append(limit).append('|').append(nextCursor).append('|').append(prevCursor);
            for (int i = 0; i < ids.size(); i++) {
                what.append('|').append(ids.get(i)).append(':').append(revisions.get(i));
            }
            return "W/\"p" + Sha256.hex(what.toString()).substring(0, 24) + "\"";
        }

        private static String quoted(String cursor) {
            // cursors are base64url: nothing in them needs escaping in JSON
            return cursor == null ? "null" : "\"" + cursor + "\"";
        }
    }

    /** One page of deployments in this order, filtered, from the cursor on (see the plan's page below). */
    public Uni<Page> page(DeploymentSort order, boolean descending, DeploymentFilter filter, List<String> publications,
                          String cursor, int limit) {
        return page(Keyset.plan("deployment_summary s", "s.deployment_id", "uuid", order.key, order.type,
                (descending ? "-" : "") + order.name(), descending, DeploymentQuery.where(filter, publications),
                cursor, limit, ", s.revision"));
    }

    /**
     * One keyset page of deployments: one statement for the page (IDs, sort keys, revisions); the
     * documents come from the cache, else from one lookup of the stored ones, else are rendered.
     */
    public Uni<Page> page(Keyset.Plan plan) {
        String route = replica.route();
        SqlWhere.Positional query = plan.where().positional(plan.sql());
        return execute(route, query.sql(), Tuple.from(query.values())).flatMap(rows -> {
            List<Row> all = new ArrayList<>(rows.size());
            rows.forEach(all::add);
            Keyset.Slice<Row> slice = Keyset.slice(plan, all, r -> r.getUUID(0), r -> r.getString(1));
            Map<UUID, Long> revisions = new HashMap<>();
            Map<UUID, byte[]> bodies = new HashMap<>();
            List<UUID> missing = new ArrayList<>();
            for (Row row : slice.ids()) {
                UUID id = row.getUUID(0);
                long revision = row.getLong(2);
                revisions.put(id, revision);
                byte[] body = cache.get(id, revision);
                if (body != null) {
                    bodies.put(id, body);
                } else {
                    missing.add(id);
                }
            }
            List<UUID> order = slice.ids().stream().map(r -> r.getUUID(0)).toList();
            return stored(route, missing, revisions, bodies).map(ignored -> {
                // a deployment that became a draft meanwhile has no document: it leaves the page
                List<UUID> shown = order.stream().filter(bodies::containsKey).toList();
                return new Page(shown, shown.stream().map(revisions::get).toList(), shown.stream().map(bodies::get).toList(),
                        slice.nextCursor(), slice.prevCursor());
            });
        });
    }

    /** Fills bodies for the missing IDs from the stored documents at their revisions, then renders what is left. */
    private Uni<Void> stored(String route, List<UUID> missing, Map<UUID, Long> revisions, Map<UUID, byte[]> bodies) {
        if (missing.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return execute(route, "select deployment_id, revision, body from deployment_document where deployment_id = any($1)",
                Tuple.of(missing.toArray(UUID[]::new))).flatMap(rows -> {
            for (Row row : rows) {
                UUID id = row.getUUID(0);
                long revision = row.getLong(1);
                if (revision == revisions.get(id)) {
                    byte[] body = row.getString(2).getBytes(StandardCharsets.UTF_8);
                    cache.put(id, revision, body);
                    bodies.put(id, body);
                }
            }
            List<UUID> left = missing.stream().filter(id -> !bodies.containsKey(id)).toList();
            if (left.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return onWorker(route, () -> render(left)).map(rendered -> {
                // rendered at the revision read now, which may be newer than the page's: the newer one is shown
                rendered.forEach((id, hit) -> {
                    revisions.put(id, hit.revision());
                    bodies.put(id, hit.body());
                });
                return null;
            });
        });
    }

    /** Statements this reader has sent (the statement-count test reads it). */
    long statements() {
        return statements.get();
    }

    /**
     * One read on the route's pool. A read that finds its connection lost (a database that stopped,
     * a switchover) is sent once more: the pool opens a new connection, to the next host of a
     * multi-host URL, and a read is safe to repeat.
     */
    private Uni<RowSet<Row>> execute(String route, String sql, Tuple args) {
        statements.incrementAndGet();
        return replica.pool(route).preparedQuery(sql).execute(args)
                .onFailure(DatabaseOutage::among).recoverWithUni(lost -> replica.pool(route).preparedQuery(sql).execute(args));
    }

    /**
     * Blocking work (Hibernate) on a worker thread, for a resource or read that started on the event
     * loop, on the database route of the request that asked for it (the worker has no request).
     */
    public <T> Uni<T> onWorker(Supplier<T> work) {
        return onWorker(replica.route(), work);
    }

    private static <T> Uni<T> onWorker(String route, Supplier<T> work) {
        return Uni.createFrom().item(() -> ReadReplica.pinned(route, work)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** Renders (or reads stored) documents on a worker thread, and keeps them in the cache. */
    @ActivateRequestContext
    Map<UUID, DocumentCache.Hit> render(List<UUID> ids) {
        Map<UUID, DocumentCache.Hit> hits = new HashMap<>();
        deployments.documents(ids).forEach((id, e) -> {
            DocumentCache.Hit hit = new DocumentCache.Hit(e.revision(), e.body().getBytes(StandardCharsets.UTF_8));
            cache.put(id, hit.revision(), hit.body());
            hits.put(id, hit);
        });
        return hits;
    }
}
