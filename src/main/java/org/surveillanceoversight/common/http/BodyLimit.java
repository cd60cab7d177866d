package org.surveillanceoversight.common.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.surveillanceoversight.common.errors.FieldError;
import org.surveillanceoversight.common.errors.Problem;

import java.util.List;

/**
 * A request body over quarkus.http.limits.max-body-size is refused before any resource runs (so
 * nothing is written), as a 413 in the API's problem+json form.
 */
@ApplicationScoped
public class BodyLimit {

    @Inject
    ObjectMapper json;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize limit;

    void install(@Observes Router router) {
        // a declared length over the limit is refused here, before the body is read; a chunked body
        // over it is cut off by the HTTP layer with a bare 413
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            long declared;
            try {
                declared = length == null ? -1 : Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                declared = -1;
            }
            if (declared <= limit.asLongValue()) {
                ctx.next();
                return;
            }
            try {
                Problem problem = Problem.of("payload-too-large", "Payload Too Large", 413,
                        "The request body is larger than this service accepts.", ctx.request().path(),
                        List.of(new FieldError("body", "is too large")));
                ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .end(json.writeValueAsString(problem));
            } catch (Exception e) {
                ctx.fail(413);
            }
        });
    }
}
