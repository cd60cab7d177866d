package org.surveillanceoversight.country;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** An ISO 3166-1 country. The table holds the full list, so a deployment can only name a real country. */
@Entity
public class Country extends PanacheEntityBase {

    @Id
    public String code;
    public String alpha3;
    public String name;
    public String region;
}
