package org.surveillanceoversight.finding;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.UUID;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.surveillanceoversight.common.records.DatePrecision;
import org.surveillanceoversight.common.records.PublishableRecord;
import org.surveillanceoversight.common.records.Qualifier;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A sourced fact about a vendor, a country or the market that is not one deployment. */
@Entity
public class Finding extends PublishableRecord {

    @Schema(name = "FindingKind")
    public enum Kind {
        vendor_footprint, state_link, market_position, soft_power, criticism, customer_country,
        political_use, market_size, other
    }

    @Enumerated(EnumType.STRING)
    public Kind kind;
    public String summary;

    /** The country it is about, if any (ISO code; the database checks it exists). */
    public String countryCode;

    /** The vendor it is about, if any (the database checks it exists). */
    public UUID vendorId;

    public LocalDate observedOn;
    @Enumerated(EnumType.STRING)
    public DatePrecision observedPrecision;
    /** The date a forecast or plan refers to ("by 2021"), beside the date it was made. */
    public LocalDate targetOn;
    @Enumerated(EnumType.STRING)
    public DatePrecision targetPrecision;
    public Integer programs;
    public Integer countries;
    public BigDecimal amount;
    public String currency;
    @Enumerated(EnumType.STRING)
    public Qualifier figureQualifier;
}
