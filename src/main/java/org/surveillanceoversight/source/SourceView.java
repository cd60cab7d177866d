package org.surveillanceoversight.source;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.surveillanceoversight.common.records.DatePrecision;
import org.surveillanceoversight.common.records.Publication;
import org.surveillanceoversight.common.records.Retraction;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(name = "Source")
public record SourceView(UUID id, Source.Kind kind, String title, @Schema(nullable = true) String publisher, List<String> authors,
                         @Schema(nullable = true) LocalDate publishedOn, @Schema(nullable = true) DatePrecision publishedPrecision, @Schema(nullable = true) String url, @Schema(nullable = true) String archivedUrl,
                         String language, @Schema(nullable = true) String license,
                         @Schema(nullable = true, description = "The version of a dataset, as its publisher names it") String datasetVersion,
                         @Schema(nullable = true) String notes,
                         @Schema(description = "How many citations point at this source") long citedBy,
                         Publication publication, @Schema(nullable = true) Retraction retraction, int version, Instant updatedAt) {

    @Schema(name = "SourcePage")
    public record SourcePage(List<SourceView> data, int limit, @Schema(nullable = true) String nextCursor, @Schema(nullable = true) String prevCursor) {
    }
}
