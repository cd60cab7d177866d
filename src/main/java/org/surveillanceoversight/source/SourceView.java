package org.surveillanceoversight.source;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.surveillanceoversight.common.DatePrecision;
import org.surveillanceoversight.common.Publication;
import org.surveillanceoversight.common.Retraction;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(name = "Source")
public record SourceView(UUID id, Source.Kind kind, String title, String publisher, List<String> authors,
                         LocalDate publishedOn, DatePrecision publishedPrecision, String url, String archivedUrl,
                         String language, String license, String notes,
                         @Schema(description = "How many citations point at this source") long citedBy,
                         Publication publication, Retraction retraction, int version, Instant updatedAt) {

    @Schema(name = "SourcePage")
    public record SourcePage(List<SourceView> data, int limit, String nextCursor, String prevCursor) {
    }
}
