package org.surveillanceoversight.deployment.model;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;
import org.surveillanceoversight.common.records.DatePrecision;
import org.surveillanceoversight.common.records.PublishableRecord;
import org.surveillanceoversight.common.records.Qualifier;
import org.surveillanceoversight.country.Country;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** How a deployment is paid for: a loan, grant, credit or budget line; a package may have tranches. */
@Entity
public class Financing extends PublishableRecord {

    public enum Instrument { loan, grant, vendor_credit, budget, ppp, other }

    @Embeddable
    public static class ExternalId {
        public String system;
        public String externalId;
        public String url;
    }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "deployment_id")
    public Deployment deployment;

    public UUID trancheOf;

    @Enumerated(EnumType.STRING)
    public Instrument instrument;
    public String description;
    public String lender;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "lender_country_code")
    public Country lenderCountry;

    public String borrower;
    public BigDecimal amount;
    public String currency;
    public BigDecimal amountUsd;
    @Enumerated(EnumType.STRING)
    public Qualifier amountQualifier;
    public BigDecimal interestRatePct;
    public BigDecimal maturityYears;
    public BigDecimal gracePeriodYears;
    public LocalDate signedOn;
    @Enumerated(EnumType.STRING)
    public DatePrecision signedPrecision;
    public LocalDate ratifiedOn;
    @Enumerated(EnumType.STRING)
    public DatePrecision ratifiedPrecision;
    public String ratifiedBy;
    public String repaymentSource;

    @ElementCollection
    @CollectionTable(name = "financing_external_id", joinColumns = @JoinColumn(name = "financing_id"))
    @OrderBy("system, externalId")
    public List<ExternalId> externalIds = new ArrayList<>();
}
