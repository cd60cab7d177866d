package org.surveillanceoversight.source;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class CitationService {

    /** All citations of the given claims, with their sources, in one query: claim ID to its citations. */
    public Map<UUID, List<CitationView>> forClaims(Collection<UUID> claimIds) {
        if (claimIds.isEmpty()) {
            return Map.of();
        }
        List<Citation> citations = Citation.<Citation>find(
                "select c from Citation c join fetch c.source where c.claimId in ?1 order by c.claimId, c.id",
                claimIds).list();
        return citations.stream().collect(Collectors.groupingBy(c -> c.claimId,
                Collectors.mapping(CitationView::of, Collectors.toList())));
    }
}
