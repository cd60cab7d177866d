package org.surveillanceoversight.tools;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** What a service's log must never hold, checked on the log of a run that used a key from one address. */
public final class ServiceLogs {

    private ServiceLogs() {
    }

    /**
     * The log names neither the key, nor its hash (as stored), nor the clients' address (127.0.0.1;
     * the database's own address, 127.0.0.1 with its port, may be named).
     */
    public static void assertNamesNoKeyHashOrClientAddress(String log, String key, int databasePort) {
        assertFalse(log.contains(key), "the log holds the API key");
        assertFalse(log.contains(sha256(key)), "the log holds the key's hash");
        Matcher address = Pattern.compile("127\\.0\\.0\\.1(?!:" + databasePort + ")").matcher(log);
        boolean found = address.find();
        assertFalse(found, found ? "the log holds a client address: "
                + log.substring(Math.max(0, address.start() - 200), address.end()) : "");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
