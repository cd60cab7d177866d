package org.surveillanceoversight.country;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A city, district or site, named in English and in its local script, with approximate coordinates. */
@Entity
public class Locality extends PanacheEntityBase {

    public enum Kind { city, district, region, site }

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "country_code")
    public Country country;

    public String nameEn;
    public String nameLocal;
    public String localScript;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    public Double latitude;
    public Double longitude;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> aliases = new ArrayList<>();
}
