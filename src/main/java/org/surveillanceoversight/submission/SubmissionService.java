package org.surveillanceoversight.submission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.surveillanceoversight.auth.Caller;
import org.surveillanceoversight.common.errors.ApiProblem;
import org.surveillanceoversight.common.errors.FieldError;
import org.surveillanceoversight.common.query.Keyset;
import org.surveillanceoversight.common.query.Page;
import org.surveillanceoversight.common.query.SqlTime;
import org.surveillanceoversight.common.query.SqlWhere;
import org.surveillanceoversight.country.LocalityWriter;
import org.surveillanceoversight.deployment.write.DeploymentWriter;
import org.surveillanceoversight.history.History;
import org.surveillanceoversight.source.SourceWriter;
import org.surveillanceoversight.vendor.VendorWriter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The moderation queue. Anyone may submit; reviewers accept (a correction's proposed change is
 * applied as a merge patch on the record, in the same transaction, with the submission named in
 * the revision's reason) or reject with a note. The submitter's address is never stored.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SubmissionService {

    private static final String COLUMNS = "id, kind, entity_type, entity_id, message, proposed_change::text, source_urls, "
            + "contact_name, contact_email, state, received_at, reviewed_at, reviewed_by, review_note, resulting_revision";

    @Inject
    History history;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    DeploymentWriter deployments;

    @Inject
    VendorWriter vendors;

    @Inject
    LocalityWriter localities;

    @Inject
    SourceWriter sources;

    @Transactional
    public SubmissionView.Receipt submit(SubmissionInput in) {
        List<FieldError> errors = new ArrayList<>();
        if ((in.entityType() == null) != (in.entityId() == null)) {
            errors.add(new FieldError("entity_id", "entity_type and entity_id come together"));
        }
        if (in.kind() == SubmissionInput.Kind.correction && in.entityId() == null) {
            errors.add(new FieldError("entity_id", "a correction names the record it corrects"));
        }
        if (in.proposedChange() != null && !in.proposedChange().isObject()) {
            errors.add(new FieldError("proposed_change", "must be a JSON object (a merge patch)"));
        }
        if (in.proposedChange() != null && in.entityId() == null) {
            errors.add(new FieldError("proposed_change", "needs the record it changes (entity_type and entity_id)"));
        }
        if (in.entityId() != null && errors.isEmpty() && em.createNativeQuery("select 1 from "
                        + (in.entityType().equals("deployment") ? "deployment" : in.entityType())
                        + " where id = :id and publication <> 'draft'")
                .setParameter("id", in.entityId()).getResultList().isEmpty()) {
            errors.add(new FieldError("entity_id", "names no " + in.entityType()));
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem("unprocessable", "Unprocessable request", 422, "The submission cannot be queued; see errors.", errors);
        }
        UUID id = UUID.randomUUID();
        Object received = em.createNativeQuery("insert into submission (id, kind, entity_type, entity_id, message, "
                        + "proposed_change, source_urls, contact_name, contact_email) values (:id, :kind, :type, :entity, "
                        + ":message, cast(:change as jsonb), cast(:urls as text[]), :name, :email) returning received_at")
                .setParameter("id", id).setParameter("kind", in.kind().name()).setParameter("type", in.entityType())
                .setParameter("entity", in.entityId()).setParameter("message", in.message())
                .setParameter("change", in.proposedChange() == null ? null : in.proposedChange().toString())
                .setParameter("urls", (in.sourceUrls() == null ? List.<String>of() : in.sourceUrls()).toArray(String[]::new))
                .setParameter("name", blankToNull(in.contactName())).setParameter("email", blankToNull(in.contactEmail()))
                .getSingleResult();
        return new SubmissionView.Receipt(id, "pending", SqlTime.instant(received));
    }

    public Optional<SubmissionView> find(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + COLUMNS + " from submission where id = :id")
                .setParameter("id", id).getResultList();
        return rows.stream().findFirst().map(this::view);
    }

    public Page<SubmissionView> list(List<String> states, String cursor, int limit) {
        SqlWhere where = new SqlWhere();
        if (!states.isEmpty()) {
            where.and("s.state in (:state)", "state", states);
        }
        Keyset.Slice<UUID> slice = Keyset.page(em, "submission s", "s.id", "uuid", "s.received_at", "timestamptz",
                "received_at", false, where, cursor, limit);
        List<SubmissionView> views = List.of();
        if (!slice.ids().isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select " + COLUMNS + " from submission where id = any(cast(:ids as uuid[]))")
                    .setParameter("ids", slice.ids().toArray(UUID[]::new)).getResultList();
            views = Keyset.inOrder(slice.ids(), rows.stream().map(this::view).toList(), SubmissionView::id);
        }
        return new Page<>(views, limit, slice.nextCursor(), slice.prevCursor());
    }

    /** Accepts a submission; a proposed change is applied to its record as the reviewer's edit. */
    @Transactional
    public SubmissionView accept(UUID id, String note, Caller reviewer) {
        SubmissionView s = pending(id);
        Long revision = null;
        if (s.proposedChange() != null) {
            ObjectNode patch = s.proposedChange().deepCopy();
            patch.put("change_reason", "Submission " + id + " accepted: " + note.trim());
            switch (s.entityType()) {
                case "deployment" -> deployments.patchCurrent(s.entityId(), patch, reviewer);
                case "vendor" -> vendors.patchCurrent(s.entityId(), patch, reviewer);
                case "locality" -> localities.patchCurrent(s.entityId(), patch, reviewer);
                case "source" -> sources.patchCurrent(s.entityId(), patch, reviewer);
                default -> throw new IllegalStateException(s.entityType());
            }
            long latest = history.revisionOf(s.entityType(), s.entityId());
            revision = latest == 0 ? null : latest;
        }
        review(id, "accepted", note, reviewer, revision);
        return find(id).orElseThrow();
    }

    @Transactional
    public SubmissionView reject(UUID id, String note, Caller reviewer) {
        pending(id);
        review(id, "rejected", note, reviewer, null);
        return find(id).orElseThrow();
    }

    private SubmissionView pending(UUID id) {
        em.createNativeQuery("select 1 from submission where id = :id for update").setParameter("id", id).getResultList();
        SubmissionView s = find(id).orElseThrow(() -> ApiProblem.notFound("submission", id));
        if (!s.state().equals("pending")) {
            throw new ApiProblem("already-reviewed", "Already reviewed", 409,
                    "This submission was " + s.state() + " at " + s.reviewedAt() + ".", List.of());
        }
        return s;
    }

    private void review(UUID id, String state, String note, Caller reviewer, Long revision) {
        em.createNativeQuery("update submission set state = :state, reviewed_at = now(), reviewed_by = :by, "
                        + "review_note = :note, resulting_revision = :revision, version = version + 1 where id = :id")
                .setParameter("state", state).setParameter("by", History.actorOf(reviewer)).setParameter("note", note.trim())
                .setParameter("revision", revision).setParameter("id", id).executeUpdate();
    }

    private SubmissionView view(Object[] r) {
        Object urls = r[6];
        List<String> sourceUrls = urls instanceof String[] a ? Arrays.asList(a)
                : urls instanceof Object[] o ? Arrays.stream(o).map(String::valueOf).toList() : List.of();
        return new SubmissionView((UUID) r[0], SubmissionInput.Kind.valueOf((String) r[1]), (String) r[2], (UUID) r[3],
                (String) r[4], r[5] == null ? null : tree((String) r[5]), sourceUrls, (String) r[7], (String) r[8],
                (String) r[9], SqlTime.instant(r[10]), SqlTime.instant(r[11]), (String) r[12], (String) r[13],
                r[14] == null ? null : ((Number) r[14]).longValue());
    }

    private JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
