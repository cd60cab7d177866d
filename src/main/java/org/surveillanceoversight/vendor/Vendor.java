package org.surveillanceoversight.vendor;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import org.surveillanceoversight.common.records.PublishableRecord;
import org.surveillanceoversight.country.Country;

import java.util.ArrayList;
import java.util.List;

/** A company that supplies, integrates, operates or finances surveillance systems. */
@Entity
public class Vendor extends PublishableRecord {

    @Embeddable
    public static class Alias {
        public String alias;
        public String language;
    }

    public String name;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "hq_country_code")
    public Country hqCountry;

    public VendorOwnership ownership;
    public String ownershipNote;
    public String website;

    @ElementCollection
    @CollectionTable(name = "vendor_alias", joinColumns = @JoinColumn(name = "vendor_id"))
    @OrderBy("alias")
    public List<Alias> aliases = new ArrayList<>();

    @OneToMany(mappedBy = "vendor")
    @OrderBy("effectiveOn")
    public List<VendorRestriction> restrictions = new ArrayList<>();
}
