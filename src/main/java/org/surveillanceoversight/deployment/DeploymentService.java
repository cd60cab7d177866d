package org.surveillanceoversight.deployment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.surveillanceoversight.capability.Capability;
import org.surveillanceoversight.common.Cursor;
import org.surveillanceoversight.common.Page;
import org.surveillanceoversight.common.Publication;
import org.surveillanceoversight.oversight.OversightLabel;
import org.surveillanceoversight.source.CitationService;

import java.util.Collection;
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

    /** A deployment in any publication state except draft; a retracted one says so and why. */
    public Optional<DeploymentView> find(UUID id) {
        return Deployment.<Deployment>findByIdOptional(id)
                .filter(d -> d.publication != Publication.draft)
                .map(d -> views(List.of(d)).get(0));
    }

    /** Published deployments in ID order, one keyset page at a time. */
    public Page<DeploymentView> list(String cursor, String requestedLimit) {
        int limit = Cursor.limit(requestedLimit);
        UUID after = Cursor.decode(cursor);
        List<Deployment> page = (after == null
                ? Deployment.<Deployment>find("publication = ?1 order by id", Publication.published)
                : Deployment.<Deployment>find("publication = ?1 and id > ?2 order by id", Publication.published, after))
                .page(0, limit + 1).list();
        boolean more = page.size() > limit;
        List<Deployment> shown = more ? page.subList(0, limit) : page;
        String next = more ? Cursor.after(shown.get(shown.size() - 1).id) : null;
        return new Page<>(views(shown), limit, next);
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
