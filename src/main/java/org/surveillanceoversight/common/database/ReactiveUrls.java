package org.surveillanceoversight.common.database;

/** JDBC URLs as the reactive client takes them. */
public final class ReactiveUrls {

    /** The parameters both clients read alike; the JDBC driver's own (targetServerType, ...) are dropped. */
    private static final java.util.Set<String> KEPT = java.util.Set.of("user", "password", "sslmode");

    private ReactiveUrls() {
    }

    /**
     * The reactive client's URLs for a JDBC URL: one per host of a multi-host URL (Quarkus spreads the
     * reactive connections over them), without the JDBC driver's own parameters (targetServerType,
     * loadBalanceHosts, ...) that the reactive client would send to the server as settings; user, password
     * and sslmode are kept.
     */
    public static String of(String jdbcUrl) {
        String url = jdbcUrl.startsWith("jdbc:") ? jdbcUrl.substring("jdbc:".length()) : jdbcUrl;
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return url;
        }
        String rest = url.substring(scheme + 3);
        int slash = rest.indexOf('/');
        String hosts = slash < 0 ? rest : rest.substring(0, slash);
        String pathAndQuery = slash < 0 ? "" : rest.substring(slash);
        int question = pathAndQuery.indexOf('?');
        String path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
        StringBuilder kept = new StringBuilder();
        if (question >= 0) {
            for (String parameter : pathAndQuery.substring(question + 1).split("&")) {
                String key = parameter.contains("=") ? parameter.substring(0, parameter.indexOf('=')) : parameter;
                if (KEPT.contains(key)) {
                    kept.append(kept.isEmpty() ? '?' : '&').append(parameter);
                }
            }
        }
        StringBuilder urls = new StringBuilder();
        for (String host : hosts.split(",")) {
            if (!urls.isEmpty()) {
                urls.append(',');
            }
            urls.append(url, 0, scheme + 3).append(host).append(path).append(kept);
        }
        return urls.toString();
    }

}
