package org.surveillanceoversight.seed;

import org.surveillanceoversight.common.records.Confidence;
import org.surveillanceoversight.common.records.Qualifier;
import org.surveillanceoversight.country.Locality;
import org.surveillanceoversight.deployment.model.CameraCount;
import org.surveillanceoversight.deployment.model.Deployment;
import org.surveillanceoversight.deployment.model.DeploymentCapability;
import org.surveillanceoversight.deployment.model.DeploymentVendor;
import org.surveillanceoversight.deployment.model.Financing;
import org.surveillanceoversight.deployment.model.StatusEvent;
import org.surveillanceoversight.finding.Finding;
import org.surveillanceoversight.oversight.OversightCriterion;
import org.surveillanceoversight.source.Source;
import org.surveillanceoversight.vendor.VendorOwnership;
import org.surveillanceoversight.vendor.VendorRestriction;

import java.math.BigDecimal;
import java.util.List;

/**
 * The shapes of the seed files in src/main/resources/seed. Records refer to each other by
 * readable keys ("huawei", "kyiv"); dates are "YYYY", "YYYY-MM" or "YYYY-MM-DD".
 */
final class SeedRecords {

    private SeedRecords() {
    }

    record CitationSeed(String source, String quote, String locator, String note) {
    }

    record CountrySeed(String code, String alpha3, String name, String region) {
    }

    record SourceSeed(String key, Source.Kind kind, String title, String publisher, List<String> authors,
                      String publishedOn, String url, String archivedUrl, String language, String license,
                      String datasetVersion, String notes) {
    }

    record LocalitySeed(String key, String country, String nameEn, String nameLocal, String localScript,
                        Locality.Kind kind, Double latitude, Double longitude, List<String> aliases) {
    }

    record AliasSeed(String alias, String language) {
    }

    record RestrictionSeed(String key, VendorRestriction.Kind kind, String jurisdiction, String authority,
                           String description, String effectiveOn, String endedOn, List<CitationSeed> citations) {
    }

    record VendorSeed(String key, String name, String hqCountry, VendorOwnership ownership, String ownershipNote,
                      String website, List<AliasSeed> aliases, List<CitationSeed> citations,
                      List<RestrictionSeed> restrictions) {
    }

    record FindingSeed(String key, Finding.Kind kind, String summary, String country, String vendor,
                       String observedOn, String targetOn, Integer programs, Integer countries, BigDecimal amount, String currency,
                       Qualifier figureQualifier, List<CitationSeed> citations) {
    }

    record VendorRoleSeed(String vendor, DeploymentVendor.Role role, String note, List<CitationSeed> citations) {
    }

    record StatusSeed(StatusEvent.Status status, String occurredOn, String note, List<CitationSeed> citations) {
    }

    record CameraCountSeed(String key, String observedOn, Integer total, Qualifier totalQualifier, Integer totalUpper,
                           Integer facialRecognition, Qualifier facialRecognitionQualifier, Integer plateReading,
                           Qualifier plateReadingQualifier, CameraCount.Basis basis, String scope, String note,
                           List<CitationSeed> citations) {
    }

    record CapabilitySeed(String code, DeploymentCapability.EvidenceLevel evidenceLevel, String sinceOn,
                          String untilOn, String note, List<CitationSeed> citations) {
    }

    record ExternalIdSeed(String system, String id, String url) {
    }

    record FinancingSeed(String key, String trancheOf, Financing.Instrument instrument, String description,
                         String lender, String lenderCountry, String borrower, BigDecimal amount, String currency,
                         BigDecimal amountUsd, Qualifier amountQualifier, BigDecimal interestRatePct,
                         BigDecimal maturityYears, BigDecimal gracePeriodYears, String signedOn, String ratifiedOn,
                         String ratifiedBy, String repaymentSource, List<ExternalIdSeed> externalIds,
                         List<CitationSeed> citations) {
    }

    record CriterionSeed(OversightCriterion.Criterion criterion, OversightCriterion.Score score, String evidence,
                         String asOf, List<CitationSeed> citations) {
    }

    record OversightSeed(String asOf, String assessedBy, String note, List<CriterionSeed> criteria) {
    }

    record DeploymentSeed(String key, String parent, String title, String summary, Deployment.ProgramType programType,
                          String country, List<String> localities, String operatorAgency, List<String> publicSpaces,
                          Confidence confidence, String confidenceNote, List<CitationSeed> citations,
                          List<VendorRoleSeed> vendors, List<StatusSeed> statusEvents,
                          List<CameraCountSeed> cameraCounts, List<CapabilitySeed> capabilities,
                          List<FinancingSeed> financing, OversightSeed oversight) {
    }
}
