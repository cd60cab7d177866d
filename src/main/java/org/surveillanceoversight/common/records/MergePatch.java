package org.surveillanceoversight.common.records;

import org.surveillanceoversight.common.errors.ApiProblem;
import org.surveillanceoversight.common.errors.FieldError;
import org.surveillanceoversight.common.errors.ProblemMapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import java.util.Set;

/**
 * JSON merge patch (RFC 7396) on a record's input form: the patched document is read and
 * validated exactly like a PUT body, so a patch can do nothing a PUT could not.
 */
@ApplicationScoped
public class MergePatch {

    public static final String MEDIA_TYPE = "application/merge-patch+json";

    @Inject
    ObjectMapper json;

    @Inject
    Validator validator;

    /** The current input with the patch applied; change_reason comes from the patch alone. */
    public <T> T apply(T current, JsonNode patch, Class<T> type) {
        if (patch == null || !patch.isObject()) {
            throw ApiProblem.badRequest("unreadable-body", "Unreadable request body", "A merge patch is a JSON object.",
                    new FieldError("body", "must be a JSON object"));
        }
        ObjectNode merged = json.valueToTree(current);
        merged.remove("change_reason");
        merge(merged, (ObjectNode) patch);
        T input;
        try {
            input = json.treeToValue(merged, type);
        } catch (JsonProcessingException e) {
            throw ApiProblem.badRequest("unreadable-body", "Unreadable request body", "The patched record is not valid.",
                    new FieldError(e instanceof JsonMappingException m ? ProblemMapper.jsonPath(m) : "body",
                            "has the wrong type or format"));
        }
        Set<ConstraintViolation<T>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return input;
    }

    private static void merge(ObjectNode target, ObjectNode patch) {
        patch.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (value.isNull()) {
                target.remove(field.getKey());
            } else if (value.isObject() && target.get(field.getKey()) instanceof ObjectNode child) {
                merge(child, (ObjectNode) value);
            } else {
                target.set(field.getKey(), value);
            }
        });
    }

    public String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
