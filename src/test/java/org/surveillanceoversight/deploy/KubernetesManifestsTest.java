package org.surveillanceoversight.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.surveillanceoversight.tools.ExternalTools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * k8s/, offline: every overlay renders with {@code kubectl kustomize}; every rendered Kubernetes
 * object validates against the Kubernetes schemas (npm kubernetes-models@4); the CloudNativePG
 * objects use only the fields we rely on, as CloudNativePG 1.27's documentation describes them
 * (the list below); and the probes, ports, image tag and environment names are the application's
 * own (the probe paths are asked of the running application). No check contacts a cluster.
 */
@QuarkusTest
class KubernetesManifestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String CLUSTER = "oversight-db";

    /**
     * The fields of a CloudNativePG {@code Cluster} spec we rely on, written from CloudNativePG 1.27's
     * documentation (docs/src/cloudnative-pg.v1.md, the API reference; applications.md;
     * service_management.md; the Barman Cloud Plugin's usage.md). A field outside this list is
     * one nobody here has read the documentation of.
     */
    static final Set<String> CLUSTER_SPEC_FIELDS = Set.of("instances", "imageName", "primaryUpdateStrategy", "enablePDB",
            "affinity", "bootstrap", "storage", "resources", "postgresql", "plugins");
    /** Kinds and API versions of CloudNativePG 1.27 and its Barman Cloud Plugin that the manifests may use. */
    static final Map<String, String> CUSTOM_KINDS = Map.of("Cluster", "postgresql.cnpg.io/v1",
            "ScheduledBackup", "postgresql.cnpg.io/v1", "ObjectStore", "barmancloud.cnpg.io/v1");
    /** The secret CloudNativePG makes for the application's user: {@code <cluster>-app}, with these keys among others. */
    static final Set<String> APP_SECRET_KEYS = Set.of("username", "password", "host", "port", "dbname", "uri", "jdbc-uri");

    static List<JsonNode> render(String overlay) throws IOException {
        ExternalTools.require("kubectl", "kubectl 1.27 or newer, for kustomize v5");
        ExternalTools.Run run = ExternalTools.run(Path.of("."), Map.of(), 120, "kubectl", "kustomize", "k8s/overlays/" + overlay);
        assertEquals(0, run.exitCode(), "kubectl kustomize k8s/overlays/" + overlay + ":\n" + run.output());
        List<JsonNode> objects = new ArrayList<>();
        try (YAMLParser parser = new YAMLFactory().createParser(run.output())) {
            YAML.readValues(parser, JsonNode.class).forEachRemaining(o -> {
                if (o != null && !o.isEmpty()) {
                    objects.add(o);
                }
            });
        }
        assertTrue(objects.size() >= 8, overlay + " rendered " + objects.size() + " objects");
        return objects;
    }

    static JsonNode only(List<JsonNode> objects, String kind) {
        List<JsonNode> found = objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
        assertEquals(1, found.size(), "one " + kind);
        return found.get(0);
    }

    /** Runs the Kubernetes schema check on the objects; returns its exit code and output. */
    static ExternalTools.Run validate(List<JsonNode> objects) throws IOException {
        ExternalTools.npmPackages();
        Path file = Files.createTempFile("k8s-objects", ".json");
        JSON.writeValue(file.toFile(), objects);
        try {
            return ExternalTools.run(ExternalTools.NODE_PROJECT, Map.of(), 120, "node", "k8s-validate.mjs", file.toAbsolutePath().toString());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyOverlayRendersAndEveryKubernetesObjectValidates(String overlay) throws IOException {
        List<JsonNode> objects = render(overlay);
        ExternalTools.Run run = validate(objects);
        assertEquals(0, run.exitCode(), run.output());
        long valid = run.output().lines().filter(l -> l.startsWith("valid ")).count();
        long custom = run.output().lines().filter(l -> l.startsWith("custom ")).count();
        assertEquals(objects.size(), valid + custom, run.output());
        for (JsonNode o : objects) {
            String kind = o.path("kind").asText();
            if (CUSTOM_KINDS.containsKey(kind)) {
                assertEquals(CUSTOM_KINDS.get(kind), o.path("apiVersion").asText(), kind);
            }
        }
    }

    @Test
    void theSchemaCheckCatchesABrokenObject() throws IOException {
        ObjectNode deployment = only(render("prod"), "Deployment").deepCopy();
        ((ObjectNode) deployment.path("spec")).put("replicas", "three");
        ExternalTools.Run run = validate(List.of(deployment));
        assertNotEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("INVALID apps/v1 Deployment"), run.output());
        assertTrue(run.output().contains("replicas must be integer"), run.output());
    }

    @Test
    void theDatabaseIsAThreeInstanceCloudNativePgClusterWithBackupsAndItsSecretWiredIn() throws IOException {
        List<JsonNode> prod = render("prod");
        JsonNode cluster = only(prod, "Cluster");
        assertEquals(CLUSTER, cluster.path("metadata").path("name").asText());
        Set<String> fields = new TreeSet<>();
        cluster.path("spec").fieldNames().forEachRemaining(fields::add);
        assertTrue(CLUSTER_SPEC_FIELDS.containsAll(fields), "fields not in the documented list: " + fields);
        assertEquals(3, cluster.path("spec").path("instances").asInt());
        assertTrue(cluster.path("spec").path("imageName").asText().matches("ghcr\\.io/cloudnative-pg/postgresql:15(\\.[0-9]+)?"));
        assertTrue(cluster.path("spec").path("storage").path("size").asText().matches("[0-9]+Gi"));
        JsonNode initdb = cluster.path("spec").path("bootstrap").path("initdb");

        // the API reaches the primary through <cluster>-rw, the database initdb made, as the user whose secret it reads
        JsonNode configMap = only(prod, "ConfigMap");
        assertEquals("jdbc:postgresql://" + CLUSTER + "-rw:5432/" + initdb.path("database").asText(),
                configMap.path("data").path("QUARKUS_DATASOURCE_JDBC_URL").asText());
        JsonNode container = only(prod, "Deployment").path("spec").path("template").path("spec").path("containers").path(0);
        for (String variable : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
            JsonNode ref = env(container, variable).path("valueFrom").path("secretKeyRef");
            assertEquals(CLUSTER + "-app", ref.path("name").asText(), variable + " from the secret CloudNativePG makes");
            assertTrue(APP_SECRET_KEYS.contains(ref.path("key").asText()), variable + ": " + ref);
        }
        assertTrue(initdb.path("secret").isMissingNode(), "no secret given: the operator makes " + CLUSTER + "-app");

        // backups: the Barman Cloud Plugin archives WAL to the ObjectStore, and a nightly ScheduledBackup
        JsonNode plugin = cluster.path("spec").path("plugins").path(0);
        assertEquals("barman-cloud.cloudnative-pg.io", plugin.path("name").asText());
        assertTrue(plugin.path("isWALArchiver").asBoolean());
        JsonNode store = only(prod, "ObjectStore");
        assertEquals(store.path("metadata").path("name").asText(), plugin.path("parameters").path("barmanObjectName").asText());
        assertTrue(store.path("spec").path("retentionPolicy").asText().matches("[1-9][0-9]*[dwm]"));
        assertTrue(store.path("spec").path("configuration").path("destinationPath").asText().startsWith("s3://"));
        JsonNode backup = only(prod, "ScheduledBackup");
        assertEquals(CLUSTER, backup.path("spec").path("cluster").path("name").asText());
        assertEquals(6, backup.path("spec").path("schedule").asText().split(" ").length, "CloudNativePG's six-field schedule");
        assertEquals("plugin", backup.path("spec").path("method").asText());

        // the NetworkPolicy lets the API reach exactly this cluster's pods, on PostgreSQL's port
        JsonNode egress = only(prod, "NetworkPolicy").path("spec").path("egress");
        assertEquals(CLUSTER, egress.path(0).path("to").path(0).path("podSelector").path("matchLabels").path("cnpg.io/cluster").asText());
        assertEquals(5432, egress.path(0).path("ports").path(0).path("port").asInt());
        assertEquals(53, egress.path(1).path("ports").path(0).path("port").asInt());
        assertEquals(2, egress.size(), "egress to the database and DNS only");

        List<JsonNode> dev = render("dev");
        assertEquals(1, only(dev, "Cluster").path("spec").path("instances").asInt());
        assertTrue(dev.stream().noneMatch(o -> o.path("kind").asText().matches("ScheduledBackup|ObjectStore")));
    }

    private static JsonNode env(JsonNode container, String name) {
        for (JsonNode e : container.path("env")) {
            if (e.path("name").asText().equals(name)) {
                return e;
            }
        }
        fail(name + " is not set on the container");
        return null;
    }

    @Test
    void probesPortsImageAndEnvironmentAreTheApplicationsOwn() throws IOException {
        for (String overlay : List.of("dev", "prod")) {
            List<JsonNode> objects = render(overlay);
            JsonNode deployment = only(objects, "Deployment");
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            JsonNode container = pod.path("containers").path(0);

            String version = projectVersion();
            assertEquals("surveillance-oversight-api:" + version, container.path("image").asText(), "the image tag is the project's version");

            int port = DeployFilesIT.applicationPort();
            assertEquals(port, container.path("ports").path(0).path("containerPort").asInt());
            String portName = container.path("ports").path(0).path("name").asText();
            JsonNode service = only(objects, "Service");
            assertEquals(portName, service.path("spec").path("ports").path(0).path("targetPort").asText());
            assertEquals(service.path("spec").path("ports").path(0).path("name").asText(),
                    only(objects, "Ingress").path("spec").path("rules").path(0).path("http").path("paths").path(0)
                            .path("backend").path("service").path("port").path("name").asText());
            assertEquals(port, only(objects, "NetworkPolicy").path("spec").path("ingress").path(0).path("ports").path(0).path("port").asInt());
            // the public Ingress routes the API and its contract; metrics and health stay inside the cluster
            for (JsonNode path : only(objects, "Ingress").path("spec").path("rules").path(0).path("http").path("paths")) {
                String prefix = path.path("path").asText();
                for (String internal : List.of("/q/metrics", "/q/health/ready")) {
                    assertFalse(internal.startsWith(prefix), "the Ingress path " + prefix + " exposes " + internal);
                }
                assertEquals(portName, path.path("backend").path("service").path("port").path("name").asText());
            }
            // Kubernetes waits longer before SIGKILL than the service lets requests in flight finish
            assertTrue(pod.path("terminationGracePeriodSeconds").asInt(30) > DeployFilesIT.shutdownTimeout().toSeconds(),
                    "terminationGracePeriodSeconds " + pod.path("terminationGracePeriodSeconds"));

            Map<String, String> probes = Map.of("startupProbe", "/q/health/started", "livenessProbe", "/q/health/live",
                    "readinessProbe", "/q/health/ready");
            probes.forEach((probe, path) -> {
                JsonNode get = container.path(probe).path("httpGet");
                assertEquals(path, get.path("path").asText(), probe);
                assertTrue(get.path("port").asText().equals(portName) || get.path("port").asInt() == port, probe);
                // the running application answers the probe's path
                given().get(get.path("path").asText()).then().statusCode(200);
            });

            Set<String> documented = DeployFilesIT.documentedEnvironment();
            only(objects, "ConfigMap").path("data").fieldNames().forEachRemaining(name ->
                    assertTrue(documented.contains(name), name + " (ConfigMap) is not one of the application's settings"));
            for (JsonNode e : container.path("env")) {
                String name = e.path("name").asText();
                assertTrue(documented.contains(name) || name.equals("JAVA_OPTS_APPEND"),
                        name + " is not one of the application's settings (nor the base image's JAVA_OPTS_APPEND)");
            }

            // non-root, read-only root filesystem with a writable /tmp, requests and limits
            assertTrue(pod.path("securityContext").path("runAsNonRoot").asBoolean());
            assertNotEquals(0, pod.path("securityContext").path("runAsUser").asInt());
            assertTrue(container.path("securityContext").path("readOnlyRootFilesystem").asBoolean());
            assertEquals("/tmp", container.path("volumeMounts").path(0).path("mountPath").asText());
            assertTrue(pod.path("volumes").path(0).has("emptyDir"));
            for (String kind : List.of("requests", "limits")) {
                assertTrue(container.path("resources").path(kind).has("memory"), kind);
                assertTrue(container.path("resources").path(kind).has("cpu"), kind);
            }
            assertEquals("Deployment", only(objects, "HorizontalPodAutoscaler").path("spec").path("scaleTargetRef").path("kind").asText());
            assertEquals(deployment.path("spec").path("selector"), only(objects, "PodDisruptionBudget").path("spec").path("selector"));
        }
    }

    static String projectVersion() throws IOException {
        Matcher m = Pattern.compile("<artifactId>surveillance-oversight-api</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(m.find());
        return m.group(1);
    }
}
