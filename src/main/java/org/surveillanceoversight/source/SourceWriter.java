package org.surveillanceoversight.source;

import jakarta.enterprise.context.ApplicationScoped;
import org.surveillanceoversight.common.errors.ApiProblem;
import org.surveillanceoversight.common.errors.FieldError;
import org.surveillanceoversight.common.records.PartialDate;
import org.surveillanceoversight.history.RecordWriter;

import java.util.ArrayList;
import java.util.List;

/** Writes sources through the one write path. */
@ApplicationScoped
public class SourceWriter extends RecordWriter<Source, SourceInput> {

    public SourceWriter() {
        super("source", Source.class, SourceInput.class, Source::new);
    }

    /** A source refers to nothing else; only its date can be wrong (a 400, as for any malformed value). */
    @Override
    protected void check(Source source, SourceInput input, boolean isNew, boolean seeded) {
        try {
            PartialDate.parse(input.publishedOn());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("validation", "Invalid request", "The request has invalid values; see errors.",
                    new FieldError("published_on", "is not a date"));
        }
    }

    @Override
    protected void apply(Source source, SourceInput input) {
        PartialDate published = PartialDate.parse(input.publishedOn());
        source.kind = input.kind();
        source.title = input.title().trim();
        source.publisher = input.publisher();
        source.authors = input.authors() == null ? new ArrayList<>() : new ArrayList<>(input.authors());
        source.publishedOn = PartialDate.dateOf(published);
        source.publishedPrecision = PartialDate.precisionOf(published);
        source.url = input.url();
        source.archivedUrl = input.archivedUrl();
        source.language = input.language();
        source.license = input.license();
        source.datasetVersion = input.datasetVersion();
        source.notes = input.notes();
    }

    @Override
    protected SourceInput inputOf(Source s) {
        String published = PartialDate.format(s.publishedOn, s.publishedPrecision);
        return new SourceInput(s.kind, s.title, s.publisher, List.copyOf(s.authors), published, s.url, s.archivedUrl,
                s.language, s.license, s.datasetVersion, s.notes, null);
    }
}
