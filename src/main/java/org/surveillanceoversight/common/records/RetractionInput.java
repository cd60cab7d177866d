package org.surveillanceoversight.common.records;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a record is retracted; kept with it and in its history. */
@Schema(name = "RetractionInput")
public record RetractionInput(@NotBlank @Size(max = 2000) String reason) {
}
