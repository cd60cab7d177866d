package org.surveillanceoversight.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.surveillanceoversight.country.CountryService;
import org.surveillanceoversight.deployment.DeploymentService;
import org.surveillanceoversight.source.SourceService;
import org.surveillanceoversight.vendor.VendorService;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** The kinds of record the history keeps, each rendered exactly as its GET shows it (drafts are not shown). */
@ApplicationScoped
public class RecordRenderer {

    /** Every kind, in the order a replay may apply them. */
    public static final List<String> TYPES = List.of("source", "locality", "vendor", "deployment");

    @Inject
    DeploymentService deployments;

    @Inject
    SourceService sources;

    @Inject
    VendorService vendors;

    @Inject
    CountryService places;

    @Inject
    ObjectMapper json;

    public Map<UUID, JsonNode> render(String type, Collection<UUID> ids) {
        List<UUID> list = List.copyOf(ids);
        return switch (type) {
            case "deployment" -> tree(deployments.views(list), v -> v.id());
            case "source" -> tree(sources.views(list), v -> v.id());
            case "vendor" -> tree(vendors.views(list), v -> v.id());
            case "locality" -> tree(places.localityViews(list), v -> v.id());
            default -> throw new IllegalArgumentException("no history for " + type);
        };
    }

    private <T> Map<UUID, JsonNode> tree(List<T> views, Function<T, UUID> id) {
        Map<UUID, JsonNode> out = new HashMap<>();
        for (T view : views) {
            out.put(id.apply(view), json.valueToTree(view));
        }
        return out;
    }
}
