package org.surveillanceoversight.source;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.surveillanceoversight.history.RecordType;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** Sources in the history: first in a replay, since every claim cites them. */
@ApplicationScoped
public class SourceRecords implements RecordType {

    @Inject
    SourceService sources;

    @Override
    public String name() {
        return "source";
    }

    @Override
    public int replayOrder() {
        return 1;
    }

    @Override
    public Map<UUID, ?> views(Collection<UUID> ids) {
        return RecordType.byId(sources.views(ids), SourceView::id);
    }
}
