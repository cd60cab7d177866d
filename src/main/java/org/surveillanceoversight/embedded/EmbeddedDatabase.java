package org.surveillanceoversight.embedded;

import io.quarkus.runtime.Application;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL started from binaries shipped in a Maven artifact, for a machine
 * where no database was configured. Its data lives in a folder that survives restarts.
 *
 * <p>Dev mode reloads the application in a new class loader, so the running database
 * is remembered in JVM-wide system properties rather than in a static field alone.
 */
public final class EmbeddedDatabase {

    static final String DATA_DIR_PROPERTY = "oversight.data-dir";
    static final String DATA_DIR_ENV = "OVERSIGHT_DATA_DIR";
    static final String DEFAULT_DATA_DIR = "data";
    static final String DATABASE = "oversight";
    private static final String RUNNING_URL_PROPERTY = "oversight.embedded.running-jdbc-url";
    // a JBoss Logger, not io.quarkus.logging.Log: this class also runs in build steps, outside the built application
    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);

    private static EmbeddedPostgres postgres;

    private EmbeddedDatabase() {
    }

    /** Starts the database once per JVM and returns its JDBC URL. */
    public static synchronized String jdbcUrl() {
        String running = System.getProperty(RUNNING_URL_PROPERTY);
        if (running != null) {
            return running;
        }
        Path dataDir = dataDirectory();
        try {
            Files.createDirectories(dataDir);
            stopOrphanedServer(dataDir);
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    // zonky's own hook races Quarkus's and cuts connections early; ours waits.
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(30))
                    // zonky tunes for throwaway test databases (fsync and synchronous commit off);
                    // this one keeps the registry, so a committed write must survive a crash
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    // search folds case and splits words by the cluster's locale; C would miss Cyrillic
                    .setLocaleConfig("locale", "C.UTF-8")
                    .setLocaleConfig("encoding", "UTF8")
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException(describeStartFailure(dataDir, e), e);
        }
        createDatabaseIfMissing();
        String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE + "?user=postgres";
        System.setProperty(RUNNING_URL_PROPERTY, url);
        Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedDatabase::stopAfterQuarkus, "embedded-postgres-stop"));
        LOG.infof("Using the embedded PostgreSQL on port %d; its data lives in %s (set %s or "
                + "QUARKUS_DATASOURCE_JDBC_URL to change this)", postgres.getPort(), dataDir, DATA_DIR_ENV);
        return url;
    }

    /** Shutdown hook: let Quarkus finish (pool closed, requests done), then stop the database. */
    private static void stopAfterQuarkus() {
        Application application = Application.currentApplication();
        if (application != null) {
            Thread waiter = new Thread(application::awaitShutdown, "embedded-postgres-await-quarkus");
            waiter.setDaemon(true);
            waiter.start();
            try {
                waiter.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        stop();
    }

    /** Stops the database if this JVM started it. Safe to call more than once. */
    public static synchronized void stop() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
            LOG.info("Embedded PostgreSQL stopped");
        } catch (IOException e) {
            LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
        } finally {
            postgres = null;
            System.clearProperty(RUNNING_URL_PROPERTY);
        }
    }

    static Path dataDirectory() {
        String configured = Optional.ofNullable(System.getProperty(DATA_DIR_PROPERTY))
                .orElseGet(() -> Optional.ofNullable(System.getenv(DATA_DIR_ENV)).orElse(DEFAULT_DATA_DIR));
        return Path.of(configured).toAbsolutePath().normalize().resolve("postgres");
    }

    private static void createDatabaseIfMissing() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next()) {
                    try (Statement create = connection.createStatement()) {
                        create.execute("create database " + DATABASE);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The embedded PostgreSQL started but the database '" + DATABASE
                    + "' could not be created: " + e.getMessage(), e);
        }
    }

    /**
     * A JVM killed with -9 leaves its postgres running (postgres is not its child), and the
     * next start then times out. When no live JVM holds the data directory's lock, the
     * server named in postmaster.pid is an orphan of ours and is stopped.
     */
    private static void stopOrphanedServer(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Path lockFile = dataDir.resolve("epg-lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new IOException("another process is already using the data directory " + dataDir
                        + " (is the service already running?)");
            }
            try {
                List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
                long pid = lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).trim());
                ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                        .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false))
                        .ifPresent(p -> {
                            LOG.warnf("Stopping an orphaned embedded PostgreSQL (pid %d) left by an earlier run", pid);
                            p.destroy();
                            p.onExit().orTimeout(20, TimeUnit.SECONDS).join();
                        });
            } catch (NumberFormatException e) {
                LOG.warnf("Ignoring an unreadable %s", pidFile);
            } finally {
                lock.release();
            }
        }
    }

    private static String describeStartFailure(Path dataDir, IOException e) {
        return "Could not start the embedded PostgreSQL with its data in " + dataDir + ": " + e.getMessage()
                + ". Set QUARKUS_DATASOURCE_JDBC_URL (with _USERNAME and _PASSWORD) to use another PostgreSQL.";
    }
}
