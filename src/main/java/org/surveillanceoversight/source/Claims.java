package org.surveillanceoversight.source;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.surveillanceoversight.common.errors.FieldError;
import org.surveillanceoversight.common.records.PublishableRecord;
import org.surveillanceoversight.history.RecordWriter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Writing claims and their citations, the same way for every record that makes claims: parts
 * matched by ID, new parts created, parts left out retracted (never deleted), and citations
 * replaced only when they differ.
 */
@ApplicationScoped
public class Claims {

    @Inject
    EntityManager em;

    /** A part of a record that makes a claim of its own, as a writer sends it. */
    public interface Part {
        UUID id();

        List<CitationInput> citations();
    }

    /** Each citation must name a published source. */
    public void checkCitations(String field, List<CitationInput> citations, List<FieldError> errors) {
        List<CitationInput> list = orEmpty(citations);
        for (int i = 0; i < list.size(); i++) {
            if (!published(Source.class, list.get(i).sourceId())) {
                errors.add(new FieldError(field + "[" + i + "].source_id", "is not a published source"));
            }
        }
    }

    public boolean published(Class<? extends PublishableRecord> type, UUID id) {
        PublishableRecord found = id == null ? null : em.find(type, id);
        return found != null && found.isPublished();
    }

    /**
     * Parts with an ID update that part, parts without one are created, and current parts left out
     * are retracted with the change reason. Each part's citations are set as given. The seed names
     * its parts itself: a part with an ID that is not current is created (or republished) under it.
     */
    public <T extends PublishableRecord, P extends Part> void reconcile(List<P> inputs, List<T> existing,
                                                                        ClaimType claimType, Supplier<T> create,
                                                                        BiConsumer<T, P> apply, String actor,
                                                                        String reason, boolean seeded) {
        Map<UUID, T> current = new HashMap<>();
        existing.stream().filter(PublishableRecord::isPublished).forEach(t -> current.put(t.id, t));
        Set<UUID> kept = new HashSet<>();
        for (P input : orEmpty(inputs)) {
            T part = input.id() == null ? null : current.get(input.id());
            if (part == null && seeded && input.id() != null) {
                part = existing.stream().filter(t -> t.id.equals(input.id())).findFirst().orElse(null);
                if (part != null) {
                    RecordWriter.republish(part);
                }
            }
            if (part != null) {
                kept.add(part.id);
                apply.accept(part, input);
            } else {
                part = create.get();
                part.id = input.id() != null && seeded ? input.id() : UUID.randomUUID();
                apply.accept(part, input);
                em.persist(part);
                existing.add(part);
            }
            cite(claimType, part.id, input.citations());
        }
        for (T part : current.values()) {
            if (!kept.contains(part.id)) {
                RecordWriter.retract(part, actor, reason);
            }
        }
    }

    /** Sets a claim's citations to the given ones, unless they are already exactly these. */
    public void cite(ClaimType claimType, UUID claimId, List<CitationInput> wanted) {
        List<Citation> have = Citation.list("claimType = ?1 and claimId = ?2 order by id", claimType, claimId);
        List<CitationInput> haveAsInput = have.stream().map(Claims::inputOf).toList();
        List<CitationInput> list = orEmpty(wanted);
        if (haveAsInput.equals(list)) {
            return;
        }
        have.forEach(Citation::delete);
        em.flush();
        // citations are shown in ID order, so new IDs are handed out in the order given
        List<UUID> ids = new ArrayList<>();
        list.forEach(x -> ids.add(UUID.randomUUID()));
        ids.sort(Comparator.comparing(UUID::toString));
        for (int i = 0; i < list.size(); i++) {
            CitationInput in = list.get(i);
            Citation c = new Citation();
            c.id = ids.get(i);
            c.claimType = claimType;
            c.claimId = claimId;
            c.source = Source.findById(in.sourceId());
            c.quote = in.quote();
            c.locator = in.locator();
            c.note = in.note();
            c.persist();
        }
    }

    /** The citations of each claim, in the order they are shown, in their input form. */
    public Map<UUID, List<CitationInput>> inputsOf(List<UUID> claimIds) {
        Map<UUID, List<CitationInput>> out = new HashMap<>();
        for (Citation c : Citation.<Citation>list("claimId in ?1 order by id", claimIds)) {
            out.computeIfAbsent(c.claimId, k -> new ArrayList<>()).add(inputOf(c));
        }
        return out;
    }

    private static CitationInput inputOf(Citation c) {
        return new CitationInput(c.source.id, c.quote, c.locator, c.note);
    }

    public static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
