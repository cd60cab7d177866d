package org.surveillanceoversight.source;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** A claim's source and the passage that supports it, as a writer sends it. */
@Schema(name = "CitationInput")
public record CitationInput(
        @NotNull UUID sourceId,
        @Size(max = 5000) String quote,
        @Size(max = 500) String locator,
        @Size(max = 2000) String note) {
}
