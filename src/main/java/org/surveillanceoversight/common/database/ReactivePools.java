package org.surveillanceoversight.common.database;

import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Future;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The reactive client's pools (it serves the hottest reads). The primary's is Quarkus's own pool,
 * unless the JDBC URL names several hosts (a multi-host URL with targetServerType=primary): the
 * reactive client has no such setting, so each new connection then goes to the host that answers
 * {@code pg_is_in_recovery()} with false, found again after a switchover. The replica's is made
 * from the replica's JDBC URL (spread over its hosts), so one URL configures both clients.
 */
@ApplicationScoped
public class ReactivePools {

    @Inject
    io.vertx.mutiny.pgclient.PgPool quarkusPool;

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String primaryUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> primaryUser;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> primaryPassword;

    @ConfigProperty(name = "quarkus.datasource.replica.jdbc.url")
    Optional<String> replicaUrl;

    @ConfigProperty(name = "quarkus.datasource.replica.username")
    Optional<String> replicaUser;

    @ConfigProperty(name = "quarkus.datasource.replica.password")
    Optional<String> replicaPassword;

    @ConfigProperty(name = "quarkus.datasource.reactive.max-size", defaultValue = "20")
    int maxSize;

    private volatile Pool primary;
    private volatile Pool replica;
    private final List<Pool> made = new ArrayList<>();

    public Pool primary() {
        if (primary == null) {
            synchronized (this) {
                if (primary == null) {
                    List<PgConnectOptions> hosts = hosts(primaryUrl, primaryUser, primaryPassword);
                    primary = hosts.size() == 1 ? quarkusPool : made(PgBuilder.pool().connectingTo(primaryAmong(hosts)), "primary");
                }
            }
        }
        return primary;
    }

    public Pool replica() {
        if (replica == null) {
            synchronized (this) {
                if (replica == null) {
                    replica = made(PgBuilder.pool().connectingTo(new ArrayList<SqlConnectOptions>(
                            hosts(replicaUrl.orElseThrow(), replicaUser, replicaPassword))), "replica");
                }
            }
        }
        return replica;
    }

    private Pool made(io.vertx.sqlclient.ClientBuilder<io.vertx.sqlclient.Pool> builder, String name) {
        Pool pool = Pool.newInstance(builder.with(new PoolOptions().setMaxSize(maxSize).setName(name)).using(vertx.getDelegate()).build());
        made.add(pool);
        return pool;
    }

    private static List<PgConnectOptions> hosts(String jdbcUrl, Optional<String> user, Optional<String> password) {
        List<PgConnectOptions> hosts = new ArrayList<>();
        for (String uri : ReactiveUrls.of(jdbcUrl).split(",")) {
            PgConnectOptions options = PgConnectOptions.fromUri(uri).setCachePreparedStatements(true);
            user.ifPresent(options::setUser);
            password.ifPresent(options::setPassword);
            hosts.add(options);
        }
        return hosts;
    }

    /** Options of the first host that is a primary now (asked for each new connection); a ConnectException when none is. */
    private Supplier<Future<SqlConnectOptions>> primaryAmong(List<PgConnectOptions> hosts) {
        return () -> probe(hosts, 0);
    }

    private Future<SqlConnectOptions> probe(List<PgConnectOptions> hosts, int i) {
        if (i >= hosts.size()) {
            return Future.failedFuture(new ConnectException("No primary among the hosts of the datasource URL"));
        }
        PgConnectOptions host = hosts.get(i);
        return PgConnection.connect(vertx.getDelegate(), host)
                .compose(connection -> connection.query("select pg_is_in_recovery()").execute()
                        .andThen(done -> connection.close())
                        .map(rows -> rows.iterator().next().getBoolean(0)))
                .transform(standby -> standby.succeeded() && !standby.result()
                        ? Future.<SqlConnectOptions>succeededFuture(host) : probe(hosts, i + 1));
    }

    void close(@Observes ShutdownEvent event) {
        made.forEach(Pool::closeAndAwait);
    }
}
