package org.surveillanceoversight.common.observability;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every request gets an id, returned in the {@code X-Request-Id} header of its answer and put in
 * the log context ({@code request_id}), so each log line a request causes names it and a user can
 * quote it in a report. The id a client or proxy sent is kept when it is 1-64 letters, digits or
 * {@code . _ : -} (nothing that could forge a log line); otherwise the service makes one.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String LOG_KEY = "request_id";
    private static final Pattern KEPT = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    void install(@Observes Router router) {
        // ahead of every other route, so also answers the API never sees (a 404, a refused body) carry it
        router.route().order(Integer.MIN_VALUE).handler(this::assign);
    }

    void assign(RoutingContext request) {
        String id = of(request.request().getHeader(HEADER));
        MDC.put(LOG_KEY, id);
        request.response().putHeader(HEADER, id);
        request.next();
    }

    /** The id to use for a request that sent this header value (null when it sent none). */
    public static String of(String sent) {
        return sent != null && KEPT.matcher(sent).matches() ? sent : UUID.randomUUID().toString();
    }
}
