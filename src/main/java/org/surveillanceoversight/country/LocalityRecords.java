package org.surveillanceoversight.country;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.surveillanceoversight.history.RecordType;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** Localities in the history: before the deployments that are in them. */
@ApplicationScoped
public class LocalityRecords implements RecordType {

    @Inject
    CountryService places;

    @Override
    public String name() {
        return "locality";
    }

    @Override
    public int replayOrder() {
        return 2;
    }

    @Override
    public Map<UUID, ?> views(Collection<UUID> ids) {
        return RecordType.byId(places.localityViews(ids), CountryViews.LocalityView::id);
    }
}
