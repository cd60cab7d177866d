package org.surveillanceoversight.deployment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.surveillanceoversight.capability.Capability;
import org.surveillanceoversight.common.Keyset;
import org.surveillanceoversight.common.Page;
import org.surveillanceoversight.common.Publication;
import org.surveillanceoversight.oversight.OversightLabel;
import org.surveillanceoversight.source.CitationService;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DeploymentService {

    @Inject
    CitationService citations;

    @Inject
    EntityManager em;

    /** A deployment in any publication state except draft; a retracted one says so and why. */
    public Optional<DeploymentView> find(UUID id) {
        return Deployment.<Deployment>findByIdOptional(id)
                .filter(d -> d.publication != Publication.draft)
                .map(d -> views(List.of(d)).get(0));
    }

    /** Published deployments matching the filter, one keyset page in the given order. */
    public Page<DeploymentView> list(DeploymentFilter filter, DeploymentSort sort, boolean descending,
                                     String cursor, int limit) {
        Keyset.Slice<UUID> slice = Keyset.page(em, "deployment_summary s", "s.deployment_id", "uuid", sort.key,
                sort.type, (descending ? "-" : "") + sort.name(), descending, DeploymentQuery.where(filter), cursor, limit);
        return new Page<>(viewsInOrder(slice.ids()), limit, slice.nextCursor());
    }

    private List<DeploymentView> viewsInOrder(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Integer> position = new java.util.HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            position.put(ids.get(i), i);
        }
        List<Deployment> loaded = Deployment.<Deployment>list("id in ?1", ids).stream()
                .sorted(Comparator.comparing(d -> position.get(d.id))).toList();
        return views(loaded);
    }

    private List<DeploymentView> views(List<Deployment> deployments) {
        if (deployments.isEmpty()) {
            return List.of();
        }
        DeploymentMapper mapper = new DeploymentMapper(
                citations.forClaims(DeploymentMapper.claimIds(deployments)),
                labels(deployments.stream().flatMap(d -> d.assessments.stream()).map(a -> a.id).toList()),
                Capability.<Capability>listAll().stream().collect(Collectors.toMap(c -> c.code, Function.identity())));
        return deployments.stream().map(mapper::toView).toList();
    }

    private static Map<UUID, OversightLabel.Label> labels(Collection<UUID> assessmentIds) {
        if (assessmentIds.isEmpty()) {
            return Map.of();
        }
        return OversightLabel.<OversightLabel>list("assessmentId in ?1", assessmentIds).stream()
                .collect(Collectors.toMap(l -> l.assessmentId, l -> l.label));
    }
}
