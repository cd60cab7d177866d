package org.surveillanceoversight.deployment.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.surveillanceoversight.capability.Capability;
import org.surveillanceoversight.common.query.Keyset;
import org.surveillanceoversight.common.records.Publication;
import org.surveillanceoversight.deployment.model.Deployment;
import org.surveillanceoversight.oversight.OversightLabel;
import org.surveillanceoversight.source.CitationService;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

    @Inject
    DeploymentDocuments store;

    @Inject
    ObjectMapper json;

    /** A deployment's JSON and revision, for any publication state except draft (a retraction says why). */
    public Optional<DeploymentDocuments.Entry> find(UUID id) {
        return Optional.ofNullable(documents(List.of(id)).get(id));
    }

    /** Published deployments matching the filter, one keyset page in the given order, as their stored JSON. */
    public RawPage list(DeploymentFilter filter, List<String> publications, DeploymentSort sort, boolean descending,
                        String cursor, int limit) {
        Keyset.Slice<UUID> slice = Keyset.page(em, "deployment_summary s", "s.deployment_id", "uuid", sort.key,
                sort.type, (descending ? "-" : "") + sort.name(), descending, DeploymentQuery.where(filter, publications), cursor, limit);
        Map<UUID, DeploymentDocuments.Entry> found = documents(slice.ids());
        return new RawPage(slice.ids().stream().map(found::get).filter(Objects::nonNull)
                .map(DeploymentDocuments.Entry::body).toList(), limit, slice.nextCursor(),
                slice.prevCursor());
    }

    /**
     * The current JSON of each public deployment among the IDs: stored documents where current,
     * the rest rendered (their revisions were read before rendering) and stored for next time.
     */
    public Map<UUID, DeploymentDocuments.Entry> documents(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, DeploymentDocuments.Entry> entries = new HashMap<>(store.lookup(ids));
        entries.values().removeIf(e -> !e.isPublic());
        List<UUID> missing = entries.values().stream().filter(e -> e.body() == null).map(DeploymentDocuments.Entry::id).toList();
        if (!missing.isEmpty()) {
            List<DeploymentDocuments.Entry> rendered = new ArrayList<>();
            for (DeploymentView view : viewsInOrder(missing)) {
                DeploymentDocuments.Entry known = entries.get(view.id());
                DeploymentDocuments.Entry entry = new DeploymentDocuments.Entry(view.id(), known.revision(),
                        known.publication(), toJson(view));
                rendered.add(entry);
                entries.put(view.id(), entry);
            }
            store.store(rendered);
        }
        return entries;
    }

    /** The current representation of each public deployment among the IDs, rendered from the database. */
    public List<DeploymentView> views(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return views(Deployment.<Deployment>list("id in ?1 and publication <> ?2", ids,
                Publication.draft));
    }

    private String toJson(DeploymentView view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not render deployment " + view.id(), e);
        }
    }

    private List<DeploymentView> viewsInOrder(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return views(Keyset.inOrder(ids, Deployment.<Deployment>list("id in ?1", ids), d -> d.id));
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
