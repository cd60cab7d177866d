package org.surveillanceoversight.finding;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import org.surveillanceoversight.common.DatePrecision;
import org.surveillanceoversight.common.PublishableRecord;
import org.surveillanceoversight.common.Qualifier;
import org.surveillanceoversight.country.Country;
import org.surveillanceoversight.vendor.Vendor;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A sourced fact about a vendor, a country or the market that is not one deployment. */
@Entity
public class Finding extends PublishableRecord {

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "FindingKind")
    public enum Kind {
        vendor_footprint, state_link, market_position, soft_power, criticism, customer_country,
        political_use, market_size, other
    }

    @Enumerated(EnumType.STRING)
    public Kind kind;
    public String summary;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "country_code")
    public Country country;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "vendor_id")
    public Vendor vendor;

    public LocalDate observedOn;
    @Enumerated(EnumType.STRING)
    public DatePrecision observedPrecision;
    public Integer programs;
    public Integer countries;
    public BigDecimal amount;
    public String currency;
    @Enumerated(EnumType.STRING)
    public Qualifier figureQualifier;
}
