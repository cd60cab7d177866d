package org.surveillanceoversight.common.database;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** One JDBC URL configures both clients: what the reactive client gets from it. */
class ReactiveUrlsTest {

    @Test
    void aSingleHostKeepsItsAccountAndTls() {
        assertEquals("postgresql://localhost:5432/postgres?user=postgres&sslmode=require",
                ReactiveUrls.of("jdbc:postgresql://localhost:5432/postgres?user=postgres&sslmode=require"));
        assertEquals("postgresql://db:5432/oversight", ReactiveUrls.of("jdbc:postgresql://db:5432/oversight"));
    }

    @Test
    void aMultiHostUrlIsOneUrlPerHostWithoutTheDriversOwnSettings() {
        assertEquals("postgresql://a:5432/oversight?sslmode=verify-full,postgresql://b:5433/oversight?sslmode=verify-full",
                ReactiveUrls.of("jdbc:postgresql://a:5432,b:5433/oversight?targetServerType=primary&sslmode=verify-full"
                        + "&loadBalanceHosts=false"));
    }
}
