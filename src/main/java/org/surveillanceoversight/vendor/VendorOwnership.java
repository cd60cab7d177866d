package org.surveillanceoversight.vendor;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.Arrays;

/** Who owns a vendor. Stored and served as state_owned, private, mixed or unknown ("private" is a Java keyword). */
public enum VendorOwnership {
    state_owned("state_owned"), privately_owned("private"), mixed("mixed"), unknown("unknown");

    private final String code;

    VendorOwnership(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public static VendorOwnership of(String code) {
        return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown ownership '" + code + "'"));
    }

    @Converter(autoApply = true)
    public static class Column implements AttributeConverter<VendorOwnership, String> {
        @Override
        public String convertToDatabaseColumn(VendorOwnership value) {
            return value == null ? null : value.code;
        }

        @Override
        public VendorOwnership convertToEntityAttribute(String code) {
            return code == null ? null : of(code);
        }
    }
}
