package org.surveillanceoversight.deployment.read;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.surveillanceoversight.deployment.model.Deployment;
import org.surveillanceoversight.deployment.model.DeploymentVendor;

import java.util.List;
import java.util.UUID;

/**
 * The deployment filters of every operation that takes them (list, stats, exports), declared once:
 * the spec shows these fields and DeploymentFilter.from reads them. Each is a list, so a parameter
 * that may be given once is refused when repeated; the values are checked strictly (a 400 names
 * each bad one).
 */
public class DeploymentFilterParams {

    @Schema(name = "CountryCode", type = SchemaType.STRING, pattern = "^[A-Z]{2}$",
            description = "ISO 3166-1 alpha-2 code, upper case")
    static final class CountryCode {
    }

    @Schema(name = "CapabilityCode", type = SchemaType.STRING, pattern = "^[a-z][a-z0-9_]*$",
            description = "A code of the capability taxonomy (GET /api/v1/capabilities)")
    static final class CapabilityCode {
    }

    @QueryParam("country")
    @Parameter(description = "ISO 3166-1 alpha-2 code, e.g. UA; repeatable",
            schema = @Schema(type = SchemaType.ARRAY, implementation = CountryCode.class))
    public List<String> country;

    @QueryParam("locality")
    @Parameter(description = "Locality ID; repeatable", schema = @Schema(type = SchemaType.ARRAY, implementation = UUID.class))
    public List<String> locality;

    @QueryParam("vendor")
    @Parameter(description = "Vendor ID; repeatable", schema = @Schema(type = SchemaType.ARRAY, implementation = UUID.class))
    public List<String> vendor;

    @QueryParam("vendor_role")
    @Parameter(description = "supplier, integrator, operator or financier; with `vendor`, that vendor in that role",
            schema = @Schema(type = SchemaType.ARRAY, implementation = DeploymentVendor.Role.class))
    public List<String> vendorRole;

    @QueryParam("capability")
    @Parameter(description = "Capability code from GET /api/v1/capabilities; repeatable",
            schema = @Schema(type = SchemaType.ARRAY, implementation = CapabilityCode.class))
    public List<String> capability;

    @QueryParam("status")
    @Parameter(description = "Current status: considered (never bought), announced, contracted, installing, operational, expanded, suspended, "
            + "decommissioned, cancelled or unknown; repeatable",
            schema = @Schema(type = SchemaType.ARRAY, enumeration = {"considered", "announced", "contracted", "installing", "operational",
                    "expanded", "suspended", "decommissioned", "cancelled", "unknown"}))
    public List<String> status;

    @QueryParam("program_type")
    @Parameter(description = "Program type; repeatable",
            schema = @Schema(type = SchemaType.ARRAY, implementation = Deployment.ProgramType.class))
    public List<String> programType;

    @QueryParam("oversight_label")
    @Parameter(description = "Derived oversight label: none, disclosed, consulted, approved, independently_overseen "
            + "or not_assessed; repeatable",
            schema = @Schema(type = SchemaType.ARRAY, enumeration = {"none", "disclosed", "consulted", "approved",
                    "independently_overseen", "not_assessed"}))
    public List<String> oversightLabel;

    @QueryParam("announced_from")
    @Parameter(description = "Earliest year of the first dated lifecycle event",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1900", maximum = "2100"))
    public List<String> announcedFrom;

    @QueryParam("announced_to")
    @Parameter(description = "Latest year of the first dated lifecycle event",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1900", maximum = "2100"))
    public List<String> announcedTo;

    @QueryParam("operational_from")
    @Parameter(description = "Earliest year it became operational",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1900", maximum = "2100"))
    public List<String> operationalFrom;

    @QueryParam("operational_to")
    @Parameter(description = "Latest year it became operational",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1900", maximum = "2100"))
    public List<String> operationalTo;

    @QueryParam("min_cameras")
    @Parameter(description = "At least this many cameras in the latest observation",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "0"))
    public List<String> minCameras;

    @QueryParam("max_cameras")
    @Parameter(description = "At most this many cameras in the latest observation",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "0"))
    public List<String> maxCameras;

    @QueryParam("financed")
    @Parameter(description = "true: with recorded financing; false: without", schema = @Schema(type = SchemaType.BOOLEAN))
    public List<String> financed;

    @QueryParam("lender")
    @Parameter(description = "Part of a lender's name, case-insensitive, e.g. Eximbank; repeatable",
            schema = @Schema(type = SchemaType.ARRAY, implementation = String.class))
    public List<String> lender;

    @QueryParam("q")
    @Parameter(description = "Words to find in titles, summaries, places (in Latin or Cyrillic, with aliases), vendors "
            + "and countries; every word must match, as a prefix", schema = @Schema(type = SchemaType.STRING, maxLength = 200))
    public List<String> q;
}
