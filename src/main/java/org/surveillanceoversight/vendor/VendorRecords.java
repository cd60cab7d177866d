package org.surveillanceoversight.vendor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.surveillanceoversight.history.RecordType;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** Vendors in the history: before the deployments that name them. */
@ApplicationScoped
public class VendorRecords implements RecordType {

    @Inject
    VendorService vendors;

    @Override
    public String name() {
        return "vendor";
    }

    @Override
    public int replayOrder() {
        return 3;
    }

    @Override
    public Map<UUID, ?> views(Collection<UUID> ids) {
        return RecordType.byId(vendors.views(ids), VendorView::id);
    }
}
