package org.surveillanceoversight.common.database;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where a piece of work reads from. With a read replica configured
 * ({@code QUARKUS_DATASOURCE_REPLICA_JDBC_URL}), the public reads (GET and HEAD under {@code /api/}
 * without a key) read from it, on the JDBC path (Hibernate, through {@link DatabaseRoute}) and on
 * the reactive one ({@link #readPool()}); everything else uses the primary: writes and every read
 * inside a write (so an ETag compared by a write is the primary's, never a lagging replica's), key
 * checks (a revoked key stops at once), requests made with a key, and the background jobs. Without a replica, everything
 * uses the primary.
 */
@ApplicationScoped
public class ReadReplica {

    /** The datasource (Hibernate's tenant) of the primary: Quarkus's default datasource. */
    public static final String PRIMARY = "primary";
    /** The read replica's datasource name (quarkus.datasource.replica.*), and its tenant. */
    public static final String REPLICA = "replica";

    private static final ThreadLocal<String> PINNED = new ThreadLocal<>();

    @ConfigProperty(name = "quarkus.datasource.replica.jdbc.url")
    Optional<String> url;

    @ConfigProperty(name = "quarkus.datasource.replica.username")
    Optional<String> username;

    @Inject
    CurrentVertxRequest request;

    @Inject
    ReactivePools pools;

    @Inject
    AgroalDataSource primary;

    @Inject
    @DataSource(REPLICA)
    InjectableInstance<AgroalDataSource> replica;

    public boolean configured() {
        return url.isPresent() && !url.get().isBlank();
    }

    /** Where the current thread's database work goes now: {@link #PRIMARY} or {@link #REPLICA}. */
    public String route() {
        String pinned = PINNED.get();
        if (pinned != null) {
            return pinned;
        }
        return configured() && readOnly(currentRequest()) ? REPLICA : PRIMARY;
    }

    /** The pool for the reactive reads of the current request: the replica's when it serves this request. */
    public Pool readPool() {
        return pool(route());
    }

    /** The reactive pool of a route. */
    public Pool pool(String route) {
        return REPLICA.equals(route) ? pools.replica() : pools.primary();
    }

    /** The JDBC pool of the current route, for work that takes a connection itself (an export's COPY). */
    public AgroalDataSource jdbc() {
        return jdbc(route());
    }

    /** The JDBC pool of a route. */
    public AgroalDataSource jdbc(String route) {
        return REPLICA.equals(route) ? replica.get() : primary;
    }

    /** Runs the work on the primary whatever the request is (a key check, a write made by a read). */
    public static <T> T onPrimary(Supplier<T> work) {
        return pinned(PRIMARY, work);
    }

    /**
     * Runs the work with the route given, on this thread: a read that started on the event loop and
     * goes on on a worker thread (no request there) keeps the route it was given.
     */
    public static <T> T pinned(String route, Supplier<T> work) {
        String before = PINNED.get();
        PINNED.set(route);
        try {
            return work.get();
        } finally {
            if (before == null) {
                PINNED.remove();
            } else {
                PINNED.set(before);
            }
        }
    }

    void check(@Observes StartupEvent event) {
        if (configured() && username.isEmpty()) {
            throw new ConfigurationException("QUARKUS_DATASOURCE_REPLICA_JDBC_URL is set without QUARKUS_DATASOURCE_REPLICA_USERNAME "
                    + "(and _PASSWORD): set the replica's account too (with CloudNativePG, the same as the primary's)");
        }
    }

    private RoutingContext currentRequest() {
        try {
            return request.getCurrent();
        } catch (RuntimeException noRequestContext) {
            return null;
        }
    }

    /**
     * The public reads: GET and HEAD of the API without a key. A request with a key (an editor's
     * queue, an admin's keys) reads the primary, so it sees what it, or another editor, just wrote.
     */
    static boolean readOnly(RoutingContext request) {
        if (request == null) {
            return false;
        }
        HttpMethod method = request.request().method();
        return (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) && request.normalizedPath().startsWith("/api/")
                && request.request().getHeader(HttpHeaders.AUTHORIZATION) == null;
    }
}
