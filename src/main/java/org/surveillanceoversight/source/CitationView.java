package org.surveillanceoversight.source;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.surveillanceoversight.common.records.DatePrecision;

import java.time.LocalDate;
import java.util.UUID;

/** A claim's citation as served: the source in brief, the supporting passage and where it stands. */
public record CitationView(SourceRef source, @Schema(nullable = true) String quote, @Schema(nullable = true) String locator, @Schema(nullable = true) String note) {

    public record SourceRef(UUID id, Source.Kind kind, String title, @Schema(nullable = true) String publisher, @Schema(nullable = true) LocalDate publishedOn,
                            @Schema(nullable = true) DatePrecision publishedPrecision, @Schema(nullable = true) String url) {
    }

    static CitationView of(Citation citation) {
        Source s = citation.source;
        return new CitationView(
                new SourceRef(s.id, s.kind, s.title, s.publisher, s.publishedOn, s.publishedPrecision, s.url),
                citation.quote, citation.locator, citation.note);
    }
}
