package org.surveillanceoversight.vendor;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import org.surveillanceoversight.common.records.DatePrecision;
import org.surveillanceoversight.common.records.PublishableRecord;

import java.time.LocalDate;

/** A dated restriction on a vendor: an entity listing, a ban, a sanction. */
@Entity
public class VendorRestriction extends PublishableRecord {

    @Schema(name = "RestrictionKind")
    public enum Kind { entity_list, procurement_ban, market_ban, network_exclusion, sanction, security_designation, other }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "vendor_id")
    public Vendor vendor;

    @Enumerated(EnumType.STRING)
    public Kind kind;
    public String jurisdiction;
    public String authority;
    public String description;
    public LocalDate effectiveOn;
    @Enumerated(EnumType.STRING)
    public DatePrecision effectivePrecision;
    public LocalDate endedOn;
    @Enumerated(EnumType.STRING)
    public DatePrecision endedPrecision;
}
