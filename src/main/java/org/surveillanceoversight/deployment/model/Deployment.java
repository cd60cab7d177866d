package org.surveillanceoversight.deployment.model;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.surveillanceoversight.common.records.Confidence;
import org.surveillanceoversight.common.records.PublishableRecord;
import org.surveillanceoversight.country.Country;
import org.surveillanceoversight.country.Locality;
import org.surveillanceoversight.oversight.OversightAssessment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** One surveillance program in one place. */
@Entity
public class Deployment extends PublishableRecord {

    public enum ProgramType { safe_city, smart_city, traffic_enforcement, border, transit, other }

    public UUID parentId;
    public String title;
    public String summary;

    @Enumerated(EnumType.STRING)
    public ProgramType programType;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "country_code")
    public Country country;

    public String operatorAgency;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> publicSpaces = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    public Confidence confidence;
    public String confidenceNote;

    @ManyToMany
    @JoinTable(name = "deployment_locality",
            joinColumns = @JoinColumn(name = "deployment_id"),
            inverseJoinColumns = @JoinColumn(name = "locality_id"))
    @OrderBy("nameEn")
    public Set<Locality> localities = new LinkedHashSet<>();

    @OneToMany(mappedBy = "deployment")
    @OrderBy("role, id")
    public List<DeploymentVendor> vendors = new ArrayList<>();

    @OneToMany(mappedBy = "deployment")
    @OrderBy("sequence")
    public List<StatusEvent> statusEvents = new ArrayList<>();

    @OneToMany(mappedBy = "deployment")
    @OrderBy("observedOn desc nulls last, id")
    public List<CameraCount> cameraCounts = new ArrayList<>();

    @OneToMany(mappedBy = "deployment")
    @OrderBy("capabilityCode")
    public List<DeploymentCapability> capabilities = new ArrayList<>();

    @OneToMany(mappedBy = "deployment")
    @OrderBy("signedOn, id")
    public List<Financing> financing = new ArrayList<>();

    @OneToMany
    @JoinColumn(name = "deployment_id", insertable = false, updatable = false)
    @OrderBy("asOf desc")
    public List<OversightAssessment> assessments = new ArrayList<>();

    /** The latest published oversight assessment, the one the record shows. */
    public Optional<OversightAssessment> currentAssessment() {
        return assessments.stream().filter(PublishableRecord::isPublished).max(Comparator.comparing(a -> a.asOf));
    }
}
