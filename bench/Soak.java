import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The soak's load (bench/soak.sh starts the service and samples it; run on its own only through that
 * script): CONNECTIONS clients on loopback for SECONDS, each a loop of mixed requests, every answer
 * checked. Only 2xx, 304, and a 412 on a deployment that all clients patch (the expected race) are
 * allowed; a retried create must return the first create's record; every /api answer must carry
 * the rate-limit headers (the limits are on). Exit status 1 when anything else was seen.
 *
 * <pre>java bench/Soak.java BASE SECONDS CONNECTIONS KEYS_FILE DEPLOYMENTS_FILE SHARED_FILE PAUSE_FILE</pre>
 * While PAUSE_FILE exists, no client sends a new request (the sampler's quiet moment for a heap figure).
 * All data it writes is titled "[synthetic] soak ...".
 */
public class Soak {
    static final String[] COUNTRIES = {"KG", "KZ", "UZ", "UA", "TJ", "RU", "GE", "BY", "MD", "AZ", "MN", "RS", "EE"};
    static final String[] STATS = {"by-country", "by-vendor", "by-year", "by-capability", "facial-recognition", "oversight-labels"};
    static final String[] FORMATS = {"csv", "ndjson", "geojson"};
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    final String base;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    final Map<String, Map<Integer, AtomicLong>> statuses = new ConcurrentHashMap<>();
    final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
    final AtomicLong unexpected = new AtomicLong();
    final AtomicLong expected412 = new AtomicLong();
    final AtomicLong total = new AtomicLong();
    final List<String> samples = Collections.synchronizedList(new ArrayList<>());

    Soak(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        Soak soak = new Soak(args[0]);
        long seconds = Long.parseLong(args[1]);
        int connections = Integer.parseInt(args[2]);
        List<String> keys = Files.readAllLines(Path.of(args[3]));
        List<String> deployments = Files.readAllLines(Path.of(args[4]));
        List<String> shared = Files.readAllLines(Path.of(args[5]));
        Path pause = Path.of(args[6]);
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Client client = soak.new Client(i, keys.get(i % keys.size()), deployments, shared, pause, deadline);
            Thread thread = new Thread(client, "soak-" + i);
            thread.start();
            threads.add(thread);
        }
        long start = System.nanoTime();
        long last = 0;
        while (threads.stream().anyMatch(Thread::isAlive)) {
            Thread.sleep(1000);
            long elapsed = (System.nanoTime() - start) / 1_000_000_000L;
            if (elapsed / 60 > last / 60) {
                long now = soak.total.get();
                System.out.printf("minute %d: %d requests so far, %d unexpected%n", elapsed / 60, now, soak.unexpected.get());
                last = elapsed;
            }
        }
        soak.report((System.nanoTime() - start) / 1e9);
        System.exit(soak.unexpected.get() == 0 ? 0 : 1);
    }

    void report(double seconds) {
        System.out.printf("%n%-26s %9s %9s %9s   %s%n", "operation", "requests", "p50 ms", "p99 ms", "statuses");
        for (String op : new TreeMap<>(statuses).keySet()) {
            List<Long> l = new ArrayList<>(latencies.get(op));
            Collections.sort(l);
            System.out.printf("%-26s %9d %9.1f %9.1f   %s%n", op, l.size(), l.get(l.size() / 2) / 1e6,
                    l.get(Math.min(l.size() - 1, (int) (l.size() * 0.99))) / 1e6, new TreeMap<>(statuses.get(op)));
        }
        System.out.printf("%ntotal %d requests in %.0f s (%.0f/s); expected 412s (shared deployments) %d; unexpected answers %d%n",
                total.get(), seconds, total.get() / seconds, expected412.get(), unexpected.get());
        synchronized (samples) {
            samples.stream().limit(20).forEach(s -> System.out.println("  unexpected: " + s));
        }
    }

    record Answer(int status, String body, Optional<String> etag, Optional<String> location) {
    }

    Answer send(String op, HttpRequest.Builder builder, boolean allow412) {
        HttpRequest request = builder.timeout(Duration.ofSeconds(30)).build();
        long t0 = System.nanoTime();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String body;
            try (InputStream in = response.body()) {
                // exports stream; read them to the end like a client would, keep only the start
                byte[] head = in.readNBytes(64 * 1024);
                in.transferTo(java.io.OutputStream.nullOutputStream());
                body = new String(head, java.nio.charset.StandardCharsets.UTF_8);
            }
            long took = System.nanoTime() - t0;
            int status = response.statusCode();
            record(op, status, took);
            boolean ok = (status >= 200 && status < 300) || status == 304 || (allow412 && status == 412);
            if (status == 412 && allow412) {
                expected412.incrementAndGet();
            }
            if (!ok) {
                fail(op + " " + request.uri() + " -> " + status + " " + body.substring(0, Math.min(300, body.length())));
            } else if (response.headers().firstValue("RateLimit-Limit").isEmpty()) {
                fail(op + " " + request.uri() + " -> " + status + " without RateLimit-Limit");
            }
            return new Answer(status, body, response.headers().firstValue("ETag"), response.headers().firstValue("Location"));
        } catch (IOException | InterruptedException e) {
            record(op, -1, System.nanoTime() - t0);
            fail(op + " " + request.uri() + " -> " + e);
            return new Answer(-1, "", Optional.empty(), Optional.empty());
        }
    }

    void record(String op, int status, long nanos) {
        total.incrementAndGet();
        statuses.computeIfAbsent(op, k -> new ConcurrentHashMap<>()).computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
        latencies.computeIfAbsent(op, k -> Collections.synchronizedList(new ArrayList<>())).add(nanos);
    }

    void fail(String what) {
        unexpected.incrementAndGet();
        if (samples.size() < 100) {
            samples.add(what);
        }
    }

    HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).GET();
    }

    final class Client implements Runnable {
        final Random random;
        final int number;
        final String key;
        final List<String> deployments;
        final List<String> shared;
        final Path pause;
        final long deadline;
        final Map<String, String> etags = new ConcurrentHashMap<>();
        String ownSource;
        String ownSourceTag;
        int written;

        Client(int number, String key, List<String> deployments, List<String> shared, Path pause, long deadline) {
            this.random = new Random(20261201L + number);
            this.number = number;
            this.key = key;
            this.deployments = deployments;
            this.shared = shared;
            this.pause = pause;
            this.deadline = deadline;
        }

        @Override
        public void run() {
            while (System.nanoTime() < deadline) {
                while (Files.exists(pause) && System.nanoTime() < deadline) {
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                int r = random.nextInt(100);
                if (r < 25) {
                    readDeployment();
                } else if (r < 40) {
                    String path = "/api/v1/deployments?limit=50&country=" + pick(COUNTRIES);
                    conditional("list deployments", path);
                } else if (r < 47) {
                    conditional("stats", "/api/v1/stats/" + pick(STATS) + (random.nextBoolean() ? "" : "?country=" + pick(COUNTRIES)));
                } else if (r < 55) {
                    boolean counts = random.nextInt(3) == 0;
                    String path = counts ? "/api/v1/exports/camera-counts?format=" + pick(new String[]{"csv", "ndjson"})
                            : "/api/v1/exports/deployments?format=" + pick(FORMATS);
                    send(counts ? "export camera counts" : "export deployments", get(path + "&country=" + pick(COUNTRIES)), false);
                } else if (r < 60) {
                    send("change feed", get("/api/v1/changes?limit=100"), false);
                } else if (r < 75) {
                    createSource();
                } else if (r < 88) {
                    patchOwnSource();
                } else {
                    patchSharedDeployment();
                }
            }
        }

        String pick(String[] values) {
            return values[random.nextInt(values.length)];
        }

        void readDeployment() {
            String id = deployments.get(random.nextInt(deployments.size()));
            conditional("get deployment", "/api/v1/deployments/" + id);
        }

        /** Half the time revalidates with the ETag it holds for the path (304 when unchanged). */
        void conditional(String op, String path) {
            HttpRequest.Builder request = get(path);
            String tag = etags.get(path);
            if (tag != null && random.nextBoolean()) {
                request.header("If-None-Match", tag);
            }
            Answer answer = send(op, request, false);
            answer.etag().ifPresent(t -> etags.put(path, t));
        }

        String sourceBody(String title) {
            return "{\"kind\":\"dataset\",\"title\":\"" + title + "\",\"url\":\"https://example.org/soak/" + number + "/" + written
                    + "\",\"language\":\"en\",\"change_reason\":\"[synthetic] soak write\"}";
        }

        HttpRequest.Builder keyed(String path) {
            return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + key);
        }

        /** A create with a fresh Idempotency-Key; a third of them are sent twice, and the retry must name the same record. */
        void createSource() {
            written++;
            String idempotencyKey = UUID.randomUUID().toString();
            String body = sourceBody("[synthetic] soak source " + number + "-" + written);
            HttpRequest.Builder request = keyed("/api/v1/sources").header("Content-Type", "application/json")
                    .header("Idempotency-Key", idempotencyKey).POST(HttpRequest.BodyPublishers.ofString(body));
            Answer first = send("create source", request, false);
            if (first.status() == 201 && ownSource == null) {
                Matcher id = ID.matcher(first.body());
                if (id.find()) {
                    ownSource = id.group(1);
                    ownSourceTag = first.etag().orElse(null);
                }
            }
            if (first.status() == 201 && random.nextInt(3) == 0) {
                Answer retry = send("create source (retry)", keyed("/api/v1/sources").header("Content-Type", "application/json")
                        .header("Idempotency-Key", idempotencyKey).POST(HttpRequest.BodyPublishers.ofString(body)), false);
                if (retry.status() == 201 && !retry.location().equals(first.location())) {
                    fail("a retry with the same Idempotency-Key named " + retry.location() + ", the first " + first.location());
                }
            }
        }

        /** Only this client writes its own source, so its If-Match is always current: a 412 is a bug. */
        void patchOwnSource() {
            if (ownSource == null || ownSourceTag == null) {
                createSource();
                return;
            }
            written++;
            String body = "{\"title\":\"[synthetic] soak source " + number + " revision " + written
                    + "\",\"change_reason\":\"[synthetic] soak write\"}";
            Answer answer = send("patch own source", keyed("/api/v1/sources/" + ownSource)
                    .header("Content-Type", "application/merge-patch+json").header("If-Match", ownSourceTag)
                    .method("PATCH", HttpRequest.BodyPublishers.ofString(body)), false);
            if (answer.status() == 200) {
                ownSourceTag = answer.etag().orElse(null);
            }
        }

        /** Every client patches the same few deployments: between its GET and its PATCH another may win, a 412. */
        void patchSharedDeployment() {
            String id = shared.get(random.nextInt(shared.size()));
            Answer read = send("get shared deployment", get("/api/v1/deployments/" + id), false);
            if (read.etag().isEmpty()) {
                return;
            }
            written++;
            String body = "{\"summary\":\"[synthetic] soak revision " + written + " of client " + number
                    + "\",\"change_reason\":\"[synthetic] soak write\"}";
            send("patch shared deployment", keyed("/api/v1/deployments/" + id)
                    .header("Content-Type", "application/merge-patch+json").header("If-Match", read.etag().get())
                    .method("PATCH", HttpRequest.BodyPublishers.ofString(body)), true);
        }
    }
}
