package org.surveillanceoversight.deployment.read;

import org.surveillanceoversight.capability.Capability;
import org.surveillanceoversight.common.records.PublishableRecord;
import org.surveillanceoversight.common.records.Retraction;
import org.surveillanceoversight.country.Country;
import org.surveillanceoversight.deployment.model.CameraCount;
import org.surveillanceoversight.deployment.model.Deployment;
import org.surveillanceoversight.deployment.model.DeploymentCapability;
import org.surveillanceoversight.deployment.model.Financing;
import org.surveillanceoversight.oversight.OversightAssessment;
import org.surveillanceoversight.oversight.OversightCriterion;
import org.surveillanceoversight.oversight.OversightLabel;
import org.surveillanceoversight.source.CitationView;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Builds DeploymentViews from loaded entities; the citations of all their claims are looked up in one map. */
final class DeploymentMapper {

    private final Map<UUID, List<CitationView>> citations;
    private final Map<UUID, OversightLabel.Label> labels;
    private final Map<String, Capability> capabilities;

    DeploymentMapper(Map<UUID, List<CitationView>> citations, Map<UUID, OversightLabel.Label> labels,
                     Map<String, Capability> capabilities) {
        this.citations = citations;
        this.labels = labels;
        this.capabilities = capabilities;
    }

    /** Every claim ID a view of these deployments shows, so their citations can be fetched at once. */
    static List<UUID> claimIds(List<Deployment> deployments) {
        List<UUID> ids = new ArrayList<>();
        for (Deployment d : deployments) {
            ids.add(d.id);
            Stream.of(d.vendors, d.statusEvents, d.cameraCounts, d.capabilities, d.financing)
                    .flatMap(List::stream).map(r -> r.id).forEach(ids::add);
            d.currentAssessment().ifPresent(a -> a.criteria.forEach(c -> ids.add(c.id)));
        }
        return ids;
    }

    DeploymentView toView(Deployment d) {
        Country c = d.country;
        List<DeploymentView.StatusEventView> history = published(d.statusEvents).map(e ->
                new DeploymentView.StatusEventView(e.id, e.sequence, e.status, e.occurredOn, e.occurredPrecision,
                        e.note, cited(e.id))).toList();
        String status = history.isEmpty() ? "unknown" : history.get(history.size() - 1).status().name();
        return new DeploymentView(
                d.id, d.title, d.summary, d.programType, d.parentId,
                new DeploymentView.CountryRef(c.code, c.alpha3, c.name, c.region),
                d.localities.stream().map(l -> new DeploymentView.LocalityView(l.id, l.nameEn, l.nameLocal,
                        l.localScript, l.kind, l.latitude, l.longitude)).toList(),
                d.operatorAgency, List.copyOf(d.publicSpaces), status, history,
                published(d.vendors).map(v -> new DeploymentView.VendorRoleView(v.id, v.vendor.id, v.vendor.name,
                        v.role, v.note, cited(v.id))).toList(),
                published(d.cameraCounts).map(this::cameraCount).toList(),
                published(d.capabilities).map(this::capability).toList(),
                published(d.financing).map(this::financing).toList(),
                oversight(d),
                d.confidence, d.confidenceNote, d.publication,
                Retraction.of(d),
                d.version, d.createdAt, d.updatedAt, cited(d.id));
    }

    private DeploymentView.CameraCountView cameraCount(CameraCount n) {
        return new DeploymentView.CameraCountView(n.id, n.observedOn, n.observedPrecision,
                n.total, n.totalQualifier, n.totalUpper, n.facialRecognition, n.facialRecognitionQualifier,
                n.plateReading, n.plateReadingQualifier, n.basis, n.scope, n.note, cited(n.id));
    }

    private DeploymentView.CapabilityView capability(DeploymentCapability k) {
        Capability taxonomy = capabilities.get(k.capabilityCode);
        return new DeploymentView.CapabilityView(k.id, k.capabilityCode, taxonomy == null ? null : taxonomy.name,
                k.evidenceLevel, k.sinceOn, k.sincePrecision, k.untilOn, k.untilPrecision, k.note, cited(k.id));
    }

    private DeploymentView.FinancingView financing(Financing f) {
        return new DeploymentView.FinancingView(f.id, f.trancheOf, f.instrument, f.description, f.lender,
                f.lenderCountry == null ? null : f.lenderCountry.code, f.borrower, f.amount, f.currency,
                f.amountUsd, f.amountQualifier, f.interestRatePct, f.maturityYears, f.gracePeriodYears,
                f.signedOn, f.signedPrecision, f.ratifiedOn, f.ratifiedPrecision, f.ratifiedBy, f.repaymentSource,
                f.externalIds.stream().map(x -> new DeploymentView.ExternalIdView(x.system, x.externalId, x.url))
                        .toList(),
                cited(f.id));
    }

    /** The latest published assessment with all criteria listed; absent ones are `unknown`, not missing. */
    private DeploymentView.OversightView oversight(Deployment d) {
        OversightAssessment a = d.currentAssessment().orElse(null);
        Map<OversightCriterion.Criterion, OversightCriterion> scored = a == null ? Map.of()
                : published(a.criteria).collect(Collectors.toMap(c -> c.criterion, Function.identity()));
        List<DeploymentView.CriterionView> criteria = Arrays.stream(OversightCriterion.Criterion.values())
                .map(name -> {
                    OversightCriterion c = scored.get(name);
                    return c == null
                            ? new DeploymentView.CriterionView(name, OversightCriterion.Score.unknown, null, null, List.of())
                            : new DeploymentView.CriterionView(name, c.score, c.evidence, c.asOf, cited(c.id));
                }).toList();
        return a == null
                ? new DeploymentView.OversightView(null, null, null, DeploymentView.NOT_ASSESSED, null, criteria)
                : new DeploymentView.OversightView(a.id, a.asOf, a.assessedBy,
                        DeploymentView.labelName(labels.get(a.id)), a.note, criteria);
    }

    private List<CitationView> cited(UUID claimId) {
        return citations.getOrDefault(claimId, List.of());
    }

    private static <T extends PublishableRecord> Stream<T> published(List<T> records) {
        return records.stream().filter(Objects::nonNull).filter(PublishableRecord::isPublished);
    }
}
