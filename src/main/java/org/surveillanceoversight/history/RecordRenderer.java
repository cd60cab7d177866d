package org.surveillanceoversight.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The kinds of record the history keeps (every RecordType bean), each rendered exactly as its GET shows it. */
@ApplicationScoped
public class RecordRenderer {

    @Inject
    @All
    List<RecordType> kinds;

    @Inject
    ObjectMapper json;

    /** Every kind's name, in the order a replay may apply them. */
    public List<String> types() {
        return kinds.stream().sorted(Comparator.comparingInt(RecordType::replayOrder)).map(RecordType::name).toList();
    }

    public RecordType kind(String type) {
        return kinds.stream().filter(k -> k.name().equals(type)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no history for " + type));
    }

    public Map<UUID, JsonNode> render(String type, Collection<UUID> ids) {
        Map<UUID, JsonNode> out = new HashMap<>();
        kind(type).views(List.copyOf(ids)).forEach((id, view) -> out.put(id, json.valueToTree(view)));
        return out;
    }
}
