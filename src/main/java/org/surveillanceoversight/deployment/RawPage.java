package org.surveillanceoversight.deployment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;

/** A page whose items are already JSON (stored documents); written in the shape of Page without re-parsing them. */
public record RawPage(List<String> items, int limit, String nextCursor, String prevCursor) {

    public String toJson(ObjectMapper json) {
        StringBuilder out = new StringBuilder(items.stream().mapToInt(String::length).sum() + items.size() + 64);
        out.append("{\"data\":[");
        for (int i = 0; i < items.size(); i++) {
            out.append(i == 0 ? "" : ",").append(items.get(i));
        }
        try {
            out.append("],\"limit\":").append(limit).append(",\"next_cursor\":").append(json.writeValueAsString(nextCursor))
                    .append(",\"prev_cursor\":").append(json.writeValueAsString(prevCursor));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return out.append('}').toString();
    }
}
