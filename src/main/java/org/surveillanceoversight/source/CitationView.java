package org.surveillanceoversight.source;

import org.surveillanceoversight.common.DatePrecision;

import java.time.LocalDate;
import java.util.UUID;

/** A claim's citation as served: the source in brief, the supporting passage and where it stands. */
public record CitationView(SourceRef source, String quote, String locator, String note) {

    public record SourceRef(UUID id, Source.Kind kind, String title, String publisher, LocalDate publishedOn,
                            DatePrecision publishedPrecision, String url) {
    }

    static CitationView of(Citation citation) {
        Source s = citation.source;
        return new CitationView(
                new SourceRef(s.id, s.kind, s.title, s.publisher, s.publishedOn, s.publishedPrecision, s.url),
                citation.quote, citation.locator, citation.note);
    }
}
