package org.surveillanceoversight.vendor;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.surveillanceoversight.common.DatePrecision;
import org.surveillanceoversight.common.Publication;
import org.surveillanceoversight.finding.FindingView;
import org.surveillanceoversight.source.CitationView;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(name = "Vendor")
public record VendorView(UUID id, String name, List<AliasView> aliases, String hqCountry, VendorOwnership ownership,
                         String ownershipNote, String website, List<RestrictionView> restrictions,
                         List<FindingView> findings, DeploymentsLink deployments, Publication publication,
                         org.surveillanceoversight.common.Retraction retraction, int version,
                         Instant updatedAt, List<CitationView> citations) {

    public record AliasView(String alias, String language) {
    }

    public record RestrictionView(UUID id, VendorRestriction.Kind kind, String jurisdiction, String authority,
                                  String description, LocalDate effectiveOn, DatePrecision effectivePrecision,
                                  LocalDate endedOn, DatePrecision endedPrecision, List<CitationView> citations) {
    }

    @Schema(description = "How many published deployments name this vendor, and where to list them")
    public record DeploymentsLink(long count, String href) {
    }
}
