package org.surveillanceoversight.capability;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** One entry of the fixed capability taxonomy (owned by the migrations). */
@Entity
public class Capability extends PanacheEntityBase {

    @Id
    public String code;
    public String name;
    public String description;
}
