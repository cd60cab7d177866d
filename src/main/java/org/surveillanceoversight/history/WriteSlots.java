package org.surveillanceoversight.history;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.surveillanceoversight.common.config.OversightConfig;
import org.surveillanceoversight.common.errors.ServiceBusy;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds how many record writes run at once ({@code oversight.writes.concurrency}). Writes queue
 * here, before their transaction takes a pooled connection, so writers waiting for each other
 * (the history's lock orders them) never hold every connection of the pool and reads keep being
 * served. A write that finds no slot within {@code oversight.writes.wait-for} is refused with a
 * 503 and Retry-After and changes nothing. Found by the soak (bench/soak.sh): with 64 clients,
 * writers queued on the lock held the whole pool and a read waited past the pool's timeout.
 *
 * <p>Runs before the transaction interceptor (a lower priority), and a write called from
 * another write on the same thread takes no second slot.
 */
@WriteSlot
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
public class WriteSlots {

    // one semaphore for the whole service: CDI makes an interceptor instance per intercepted bean
    // (one per record type), so the slots cannot live in the interceptor itself
    private final Slots slots;

    @Inject
    public WriteSlots(Slots slots) {
        this.slots = slots;
    }

    @AroundInvoke
    Object inSlot(InvocationContext context) throws Exception {
        return slots.run(context::proceed);
    }

    /** The semaphore and its rules, one for the service; {@link #of} makes others to test them alone. */
    @Singleton
    public static final class Slots {
        private static final ThreadLocal<Boolean> HOLDING = ThreadLocal.withInitial(() -> false);
        private final Semaphore semaphore;
        private final Duration waitFor;

        @Inject
        Slots(OversightConfig config) {
            this(checked(config.writes().concurrency()), config.writes().waitFor());
        }

        private Slots(int concurrency, Duration waitFor) {
            this.semaphore = new Semaphore(concurrency, true);
            this.waitFor = waitFor;
        }

        public static Slots of(int concurrency, Duration waitFor) {
            return new Slots(checked(concurrency), waitFor);
        }

        private static int checked(int concurrency) {
            if (concurrency < 1) {
                throw new IllegalArgumentException("oversight.writes.concurrency must be at least 1, not " + concurrency);
            }
            return concurrency;
        }

        public <T> T run(Callable<T> write) throws Exception {
            if (HOLDING.get()) {
                return write.call();
            }
            if (!semaphore.tryAcquire(waitFor.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ServiceBusy("No write slot became free within " + waitFor.toMillis() + " ms");
            }
            HOLDING.set(true);
            try {
                return write.call();
            } finally {
                HOLDING.set(false);
                semaphore.release();
            }
        }
    }
}
