package org.surveillanceoversight.country;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import org.hibernate.annotations.JdbcTypeCode;
import org.surveillanceoversight.common.records.PublishableRecord;
import org.hibernate.type.SqlTypes;

import java.util.ArrayList;
import java.util.List;

/** A city, district or site, named in English and in its local script, with approximate coordinates. */
@Entity
public class Locality extends PublishableRecord {

    @Schema(name = "LocalityKind")
    public enum Kind { city, district, region, site }

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
