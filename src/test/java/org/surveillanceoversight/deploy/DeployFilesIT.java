package org.surveillanceoversight.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.surveillanceoversight.tools.PackagedService;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * deploy/: no Docker engine runs here, so the Dockerfile and the compose file are read and held
 * to the application they ship: every path the image copies exists in the packaged application
 * and nothing it needs is left out; the port, the user, the health URLs and the environment
 * names are the application's own; and the service started with the compose file's environment
 * (its values from the example env file, filled in as a user would, on a database made as
 * deploy/README.md says) is ready at the health URL both files probe, and accepts the bootstrap
 * key the env file names.
 */
class DeployFilesIT {

    private static final Path DEPLOY = Path.of("deploy");
    private static final Path APP = Path.of("target", "quarkus-app");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z_][A-Z0-9_]*)(?:[:?-][^}]*)?}");
    @RegisterExtension
    final PackagedService service = new PackagedService();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** The Dockerfile's instructions, continuation lines joined, comments dropped. */
    static List<String[]> instructions(Path dockerfile) throws IOException {
        List<String[]> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(dockerfile)) {
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            current.append(line);
            String text = current.toString().strip();
            current.setLength(0);
            int space = text.indexOf(' ');
            result.add(new String[]{text.substring(0, space).toUpperCase(), text.substring(space + 1).strip()});
        }
        return result;
    }

    static List<String> all(List<String[]> instructions, String name) {
        return instructions.stream().filter(i -> i[0].equals(name)).map(i -> i[1]).toList();
    }

    static String one(List<String[]> instructions, String name) {
        List<String> found = all(instructions, name);
        assertEquals(1, found.size(), "one " + name + " in the Dockerfile: " + found);
        return found.get(0);
    }

    static Properties applicationProperties() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src", "main", "resources", "application.properties"))) {
            properties.load(in);
        }
        return properties;
    }

    /** The HTTP port the packaged application listens on in production. */
    /** How long the service lets requests in flight finish after SIGTERM (quarkus.shutdown.timeout). */
    static Duration shutdownTimeout() throws IOException {
        String timeout = applicationProperties().getProperty("quarkus.shutdown.timeout");
        assertNotNull(timeout, "quarkus.shutdown.timeout is set");
        return Duration.parse("PT" + timeout.toUpperCase(Locale.ROOT));
    }

    static int applicationPort() throws IOException {
        Properties properties = applicationProperties();
        assertFalse(properties.containsKey("%prod.quarkus.http.port"));
        return Integer.parseInt(properties.getProperty("quarkus.http.port", "8080"));
    }

    /** Environment names the README's configuration table documents, each beside the property it sets. */
    static Set<String> documentedEnvironment() throws IOException {
        Set<String> names = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| `([a-z][a-z0-9.-]+)`[^|]*\\| `([A-Z][A-Z0-9_]+)` \\|").matcher(Files.readString(Path.of("README.md")));
        while (row.find()) {
            String fromProperty = row.group(1).toUpperCase().replaceAll("[.-]", "_");
            assertEquals(fromProperty, row.group(2), "README's environment name for " + row.group(1));
            names.add(row.group(2));
        }
        assertTrue(names.contains("QUARKUS_DATASOURCE_JDBC_URL"), "the README's configuration table was not found: " + names);
        return names;
    }

    @Test
    void theImageCopiesThePackagedApplicationAndRunsItAsItsOwnUserOnItsPort() throws IOException {
        List<String[]> dockerfile = instructions(DEPLOY.resolve("Dockerfile.jvm"));
        assertTrue(one(dockerfile, "FROM").matches("registry\\.access\\.redhat\\.com/ubi9/openjdk-17(-runtime)?:[0-9.]+"),
                "a pinned Java 17 base image, as Quarkus's Dockerfile.jvm uses");
        String user = one(dockerfile, "USER");
        assertNotEquals("0", user);
        assertNotEquals("root", user);

        Set<String> copied = new TreeSet<>();
        for (String copy : all(dockerfile, "COPY")) {
            String[] parts = copy.split("\\s+");
            assertEquals("--chown=" + user, parts[0], "files owned by the user the image runs as: " + copy);
            String source = parts[1];
            String target = parts[2];
            assertTrue(source.startsWith(APP + "/"), "copied from the packaged application: " + copy);
            assertTrue(target.startsWith("/deployments/"), copy);
            try (DirectoryStream<Path> matches = Files.newDirectoryStream(APP, source.substring(APP.toString().length() + 1).replaceAll("/$", ""))) {
                int n = 0;
                for (Path match : matches) {
                    copied.add(match.getFileName().toString());
                    n++;
                }
                assertTrue(n > 0, "nothing in " + APP + " matches " + source);
            }
        }
        // everything the fast-jar runs from is in the image
        for (String needed : List.of("quarkus-run.jar", "lib", "app", "quarkus")) {
            assertTrue(Files.exists(APP.resolve(needed)), needed + " in the packaged application");
            assertTrue(copied.contains(needed), needed + " copied into the image: " + copied);
        }

        // the build context is the repository root; its ignore file must send what the COPYs need and nothing else
        List<String> ignore = Files.readAllLines(DEPLOY.resolve("Dockerfile.jvm.dockerignore")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertEquals(List.of("*", "!" + APP + "/"), ignore);

        int port = applicationPort();
        assertEquals(String.valueOf(port), one(dockerfile, "EXPOSE"));
        String env = String.join(" ", all(dockerfile, "ENV"));
        assertTrue(env.contains("JAVA_APP_JAR=\"/deployments/quarkus-run.jar\""), env);
        assertTrue(env.contains("-Dquarkus.http.host=0.0.0.0"), "listens beyond the container's loopback: " + env);
        String health = one(dockerfile, "HEALTHCHECK");
        assertTrue(health.contains("/dev/tcp/127.0.0.1/" + port + " "), health);
        assertEquals("/q/health/ready", healthPath(health));
    }

    private static String healthPath(String command) {
        Matcher get = Pattern.compile("GET (/\\S+) HTTP").matcher(command);
        assertTrue(get.find(), "an HTTP GET in the health check: " + command);
        return get.group(1);
    }

    @Test
    void composeRunsPostgres15AndTheServiceOnlyOnceTheDatabaseIsHealthy() throws IOException {
        JsonNode compose = YAML.readTree(DEPLOY.resolve("compose.yaml").toFile());
        JsonNode db = compose.path("services").path("db");
        JsonNode api = compose.path("services").path("api");
        assertTrue(db.path("image").asText().matches("postgres:15(\\.[0-9]+)?"), db.path("image").asText());
        assertTrue(db.path("healthcheck").path("test").toString().contains("pg_isready"));
        String volume = db.path("volumes").path(0).asText();
        assertEquals("/var/lib/postgresql/data", volume.substring(volume.indexOf(':') + 1));
        assertTrue(compose.path("volumes").has(volume.substring(0, volume.indexOf(':'))), "a named volume: " + volume);

        assertEquals("service_healthy", api.path("depends_on").path("db").path("condition").asText());
        assertTrue(Duration.parse("PT" + api.path("stop_grace_period").asText().toUpperCase(Locale.ROOT)).compareTo(shutdownTimeout()) > 0,
                "docker stop waits longer than the service lets requests in flight finish");
        Path dockerfile = DEPLOY.resolve(api.path("build").path("context").asText()).normalize()
                .resolve(api.path("build").path("dockerfile").asText());
        assertEquals(DEPLOY.resolve("Dockerfile.jvm"), dockerfile.normalize(), "builds the image from deploy/Dockerfile.jvm");
        assertTrue(api.path("image").asText().startsWith("surveillance-oversight-api:"));

        int port = applicationPort();
        assertTrue(api.path("ports").path(0).asText().endsWith(":" + port), api.path("ports").toString());
        String health = api.path("healthcheck").path("test").toString();
        assertTrue(health.contains("/dev/tcp/127.0.0.1/" + port + " "), health);
        assertEquals("/q/health/ready", healthPath(health));

        Set<String> documented = documentedEnvironment();
        JsonNode environment = api.path("environment");
        environment.fieldNames().forEachRemaining(name -> assertTrue(documented.contains(name),
                name + " is not one of the application's settings (README, Configuration)"));
        String url = environment.path("QUARKUS_DATASOURCE_JDBC_URL").asText();
        assertEquals("jdbc:postgresql://db:5432/" + db.path("environment").path("POSTGRES_DB").asText(), url);
        assertEquals(variable(db.path("environment").path("POSTGRES_USER").asText()),
                variable(environment.path("QUARKUS_DATASOURCE_USERNAME").asText()));
        assertEquals(variable(db.path("environment").path("POSTGRES_PASSWORD").asText()),
                variable(environment.path("QUARKUS_DATASOURCE_PASSWORD").asText()));
    }

    private static String variable(String value) {
        Matcher m = VARIABLE.matcher(value);
        assertTrue(m.matches(), "a variable from the env file: " + value);
        return m.group(1);
    }

    @Test
    void theExampleEnvFileDefinesEveryVariableAndHoldsNoSecret() throws IOException {
        Map<String, String> example = envFile(DEPLOY.resolve(".env.example"));
        Matcher used = VARIABLE.matcher(Files.readString(DEPLOY.resolve("compose.yaml")));
        while (used.find()) {
            assertTrue(example.containsKey(used.group(1)), used.group(1) + " is used by compose.yaml but not in .env.example");
        }
        example.forEach((name, value) -> {
            if (name.matches(".*(PASSWORD|KEY|SECRET|TOKEN).*")) {
                assertEquals("", value, name + " must be left empty in the example, not given a value someone could keep");
            }
        });
        assertTrue(Files.readAllLines(Path.of(".gitignore")).contains("deploy/.env"), "deploy/.env (the real one) is ignored by git");
    }

    static Map<String, String> envFile(Path file) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int eq = line.indexOf('=');
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return values;
    }

    @Test
    void theServiceStartedWithComposesEnvironmentIsReadyAtTheProbedUrl() throws Exception {
        // the env file filled in as deploy/README.md says, and a database made as its step 2 says
        Map<String, String> values = new HashMap<>(envFile(DEPLOY.resolve(".env.example")));
        values.put("POSTGRES_PASSWORD", HexFormat.of().formatHex(new java.security.SecureRandom().generateSeed(12)));
        values.put("OVERSIGHT_BOOTSTRAP_ADMIN_KEY", HexFormat.of().formatHex(new java.security.SecureRandom().generateSeed(32)));
        EmbeddedPostgres postgres = service.postgres();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create user " + values.get("POSTGRES_USER") + " with password '" + values.get("POSTGRES_PASSWORD") + "'");
            s.execute("create database oversight owner " + values.get("POSTGRES_USER"));
        }
        JsonNode api = YAML.readTree(DEPLOY.resolve("compose.yaml").toFile()).path("services").path("api");
        Map<String, String> environment = new HashMap<>();
        api.path("environment").fields().forEachRemaining(e -> environment.put(e.getKey(), substitute(e.getValue().asText(), values)
                // the compose network's host name "db" is this machine's embedded PostgreSQL here
                .replace("//db:5432/", "//localhost:" + postgres.getPort() + "/")));
        int port = PackagedService.freePort();
        Path log = Files.createTempFile("deploy-files", ".log");
        service.start(port, environment, log);

        String healthPath = healthPath(one(instructions(DEPLOY.resolve("Dockerfile.jvm")), "HEALTHCHECK"));
        HttpResponse<String> ready = awaitReady(port, healthPath, log);
        assertTrue(ready.body().contains("\"UP\""), ready.body());
        HttpResponse<String> me = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/api-keys/me"))
                .header("Authorization", "Bearer " + values.get("OVERSIGHT_BOOTSTRAP_ADMIN_KEY")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, me.statusCode(), "the bootstrap key from the env file works: " + me.body());
        assertTrue(me.body().contains("\"admin\""), me.body());
        String output = Files.readString(log);
        assertFalse(output.contains("embedded PostgreSQL on port"), "the service used the configured database, not an embedded one");
    }

    private static String substitute(String value, Map<String, String> values) {
        Matcher m = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            if (v == null) {
                fail(m.group(1) + " is not in the env file");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        return m.appendTail(out).toString();
    }

    private HttpResponse<String> awaitReady(int port, String path, Path log) throws Exception {
        for (int i = 0; i < 360; i++) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return r;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        fail("not ready at " + path + "; log:\n" + Files.readString(log));
        return null;
    }
}
