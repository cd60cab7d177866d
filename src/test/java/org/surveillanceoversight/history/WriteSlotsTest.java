package org.surveillanceoversight.history;

import org.junit.jupiter.api.Test;
import org.surveillanceoversight.common.errors.DatabaseOutage;
import org.surveillanceoversight.common.errors.ServiceBusy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Write slots: at most N writes at once, the rest wait their turn, and one that waits too long is a 503 that wrote nothing. */
class WriteSlotsTest {

    @Test
    void noMoreThanTheSlotsRunAtOnceAndTheOthersWaitTheirTurn() throws Exception {
        WriteSlots.Slots slots = WriteSlots.Slots.of(3, Duration.ofSeconds(10));
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            var writes = new java.util.ArrayList<Future<Integer>>();
            for (int i = 0; i < 24; i++) {
                int n = i;
                writes.add(pool.submit(() -> slots.run(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    Thread.sleep(20);
                    running.decrementAndGet();
                    return n;
                })));
            }
            for (int i = 0; i < writes.size(); i++) {
                assertEquals(i, writes.get(i).get(10, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(3, most.get());
    }

    @Test
    void aWriteThatFindsNoSlotInTimeIsRefusedAsBusyAndDoesNotRun() throws Exception {
        WriteSlots.Slots slots = WriteSlots.Slots.of(1, Duration.ofMillis(200));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Object> first = pool.submit(() -> slots.run(() -> {
                holding.countDown();
                release.await();
                return null;
            }));
            assertTrue(holding.await(5, TimeUnit.SECONDS));
            AtomicInteger ran = new AtomicInteger();
            long start = System.nanoTime();
            ServiceBusy busy = assertThrows(ServiceBusy.class, () -> slots.run(ran::incrementAndGet));
            long waited = (System.nanoTime() - start) / 1_000_000;
            assertEquals(0, ran.get(), "the refused write did not run");
            assertTrue(waited >= 190 && waited < 2000, "waited " + waited + " ms");
            assertTrue(DatabaseOutage.among(busy), "answered like an outage: a 503 with Retry-After");
            release.countDown();
            first.get(5, TimeUnit.SECONDS);
            assertEquals(1, (int) slots.run(ran::incrementAndGet), "the slot is free again");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aWriteInsideAWriteTakesNoSecondSlot() throws Exception {
        WriteSlots.Slots slots = WriteSlots.Slots.of(1, Duration.ofMillis(100));
        assertEquals("inner", slots.run(() -> slots.run(() -> "inner")));
        assertEquals("again", slots.run(() -> "again"), "both levels gave their slot back");
    }
}
