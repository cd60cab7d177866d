package org.surveillanceoversight.vendor;

import org.surveillanceoversight.common.records.Retraction;
import org.surveillanceoversight.common.records.DeploymentsLink;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.surveillanceoversight.common.records.DatePrecision;
import org.surveillanceoversight.common.records.Publication;
import org.surveillanceoversight.finding.FindingView;
import org.surveillanceoversight.source.CitationView;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(name = "Vendor")
public record VendorView(UUID id, String name, List<AliasView> aliases, @Schema(nullable = true) String hqCountry, VendorOwnership ownership,
                         @Schema(nullable = true) String ownershipNote, @Schema(nullable = true) String website, List<RestrictionView> restrictions,
                         List<FindingView> findings, DeploymentsLink deployments, Publication publication,
                         @Schema(nullable = true) Retraction retraction, int version,
                         Instant updatedAt, List<CitationView> citations) {

    public record AliasView(String alias, @Schema(nullable = true) String language) {
    }

    public record RestrictionView(UUID id, VendorRestriction.Kind kind, String jurisdiction, @Schema(nullable = true) String authority,
                                  String description, @Schema(nullable = true) LocalDate effectiveOn, @Schema(nullable = true) DatePrecision effectivePrecision,
                                  @Schema(nullable = true) LocalDate endedOn, @Schema(nullable = true) DatePrecision endedPrecision, List<CitationView> citations) {
    }

}
