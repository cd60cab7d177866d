package org.surveillanceoversight.history;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import org.surveillanceoversight.auth.Caller;
import org.surveillanceoversight.common.errors.ApiProblem;
import org.surveillanceoversight.common.http.IfMatch;
import org.surveillanceoversight.common.http.Written;
import org.surveillanceoversight.common.observability.RegistryMetrics;
import org.surveillanceoversight.common.records.MergePatch;
import org.surveillanceoversight.common.records.Publication;
import org.surveillanceoversight.common.records.PublishableRecord;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The one way a record is written, whatever its kind: create (once per Idempotency-Key), replace,
 * merge patch and retract, each in one transaction that locks the record's row, checks If-Match
 * against the record's revision under that lock, applies the input, appends the history and
 * answers with the record as GET now shows it and its new ETag. The seed writes through the same
 * path as the actor {@code seed}.
 *
 * <p>A kind of record supplies only what is its own: its rules, how its input maps onto its
 * entity, its parts, and its input form.
 *
 * @param <E> the record's entity
 * @param <I> its input, as a client sends it
 */
public abstract class RecordWriter<E extends PublishableRecord, I extends RecordInput> {

    /** The actor of the seed's writes in the revisions. */
    public static final String SEED = "seed";

    @Inject
    protected EntityManager em;

    @Inject
    History history;

    @Inject
    Idempotency idempotency;

    @Inject
    protected MergePatch mergePatch;

    @Inject
    RegistryMetrics metrics;

    private final String type;
    private final Class<E> entity;
    private final Class<I> inputType;
    private final Supplier<E> newRecord;

    /**
     * @param type      the kind's name in the history and in problem documents: "deployment", ...
     * @param entity    its entity class
     * @param inputType its input class
     * @param newRecord makes a new, empty record (the template gives it its ID)
     */
    protected RecordWriter(String type, Class<E> entity, Class<I> inputType, Supplier<E> newRecord) {
        this.type = type;
        this.entity = entity;
        this.inputType = inputType;
        this.newRecord = newRecord;
    }

    /**
     * The rules the input must keep against the registry (references, cross-field rules), all
     * reported at once: a 422 naming each field. Runs before anything is written.
     */
    protected abstract void check(E record, I input, boolean isNew, boolean seeded);

    /** Sets the record's own fields from the input (the record's row need not exist yet). */
    protected abstract void apply(E record, I input);

    /** Writes the record's citations and parts, new ones under the IDs given; the record's row exists by then. */
    protected void parts(E record, I input, String actor, PartIds ids) {
    }

    /** The record's current state as a write would send it: the form a merge patch applies to. */
    protected abstract I inputOf(E record);

    /** Refuses a retraction the registry's rules forbid (a 409), if any. */
    protected void checkRetract(E record) {
    }

    @WriteSlot
    @Transactional
    public Written create(I input, Caller caller, String idempotencyKey, String collectionUri) {
        // the request is named by its path, not the address it came in on: a retry that reaches another
        // replica (another host or port behind the load balancer) is the same request
        return idempotency.once(caller, idempotencyKey, "POST " + URI.create(collectionUri).getPath() + " " + mergePatch.toJson(input), () -> {
            E record = newRecord.get();
            record.id = UUID.randomUUID();
            return write(record, input, History.actorOf(caller), true, PartIds.RANDOM, 201, collectionUri + "/" + record.id);
        });
    }

    /** Replaces the record with the input, if it is still at the revision the caller read. */
    @WriteSlot
    @Transactional
    public Written update(UUID id, I input, String ifMatch, Caller caller) {
        return write(current(id, ifMatch), input, History.actorOf(caller), false, PartIds.RANDOM, 200, null);
    }

    /** Applies an RFC 7396 merge patch to the record's input form, then writes it like a replace. */
    @WriteSlot
    @Transactional
    public Written patch(UUID id, JsonNode patch, String ifMatch, Caller caller) {
        E record = current(id, ifMatch);
        return write(record, mergePatch.apply(inputOf(record), patch, inputType), History.actorOf(caller), false, PartIds.RANDOM,
                200, null);
    }

    /** A merge patch against the record as it is now (an accepted submission: no ETag to compare). */
    @WriteSlot
    @Transactional
    public Written patchCurrent(UUID id, JsonNode patch, Caller caller) {
        E record = locked(id);
        return write(record, mergePatch.apply(inputOf(record), patch, inputType), History.actorOf(caller), false, PartIds.RANDOM,
                200, null);
    }

    /** Retracts the record: it stays, with who retracted it, when and why. */
    @WriteSlot
    @Transactional
    public Written retract(UUID id, String reason, String ifMatch, Caller caller) {
        E record = current(id, ifMatch);
        if (record.publication == Publication.retracted) {
            throw new ApiProblem("already-retracted", "Already retracted", 409,
                    "This " + type + " was retracted at " + record.retractedAt + ".", List.of());
        }
        checkRetract(record);
        String actor = History.actorOf(caller);
        retract(record, actor, reason.trim());
        return answer(record.id, actor, reason.trim(), "retract", 200, null);
    }

    /**
     * The seed's write of one record under its own ID: created when new, otherwise brought to the
     * input (republished if the seed itself had retracted it; a record an editor or reviewer
     * retracted stays as they left it). The seed owns what it wrote, so no If-Match;
     * its parts keep the IDs the seed gives them. A refusal (its rules are checked before anything
     * is written) leaves the transaction usable, so the seed can list every problem before it
     * refuses the whole load.
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = ApiProblem.class)
    public void seed(UUID id, I input, PartIds partIds) {
        E record = em.find(entity, id, LockModeType.PESSIMISTIC_WRITE);
        boolean isNew = record == null;
        if (isNew) {
            record = newRecord.get();
            record.id = id;
        } else if (record.publication == Publication.retracted && !SEED.equals(record.retractedBy)) {
            return;
        } else {
            republish(record);
        }
        write(record, input, SEED, isNew, partIds, isNew ? 201 : 200, null);
    }

    /** The seed's retraction of a record it wrote that its files no longer hold. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void unseed(UUID id) {
        E record = em.find(entity, id, LockModeType.PESSIMISTIC_WRITE);
        if (record != null && record.isPublished()) {
            retract(record, SEED, "removed from the seed");
            answer(id, SEED, "removed from the seed", "retract", 200, null);
        }
    }

    /** The input form of a public record, for clients that edit it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<I> input(UUID id) {
        return Optional.ofNullable(em.find(entity, id)).filter(r -> r.publication != Publication.draft).map(this::inputOf);
    }

    /** Marks a record retracted with who, when and why. */
    public static void retract(PublishableRecord record, String actor, String reason) {
        record.publication = Publication.retracted;
        record.retractedAt = Instant.now();
        record.retractedBy = actor;
        record.retractionReason = reason;
    }

    /** A row that a date, a name or the seed identifies is written again rather than duplicated; the history keeps its retraction. */
    public static void republish(PublishableRecord record) {
        if (record.publication == Publication.retracted) {
            record.publication = Publication.published;
            record.retractedAt = null;
            record.retractedBy = null;
            record.retractionReason = null;
        }
    }

    private Written write(E record, I input, String actor, boolean isNew, PartIds ids, int status, String location) {
        check(record, input, isNew, ids.chosenByWriter());
        apply(record, input);
        if (isNew) {
            em.persist(record);
        }
        parts(record, input, actor, ids);
        return answer(record.id, actor, input.changeReason().trim(), isNew ? "create" : "update", status, location);
    }

    /** Locks the record's row, then checks that the caller read its current revision. */
    private E current(UUID id, String ifMatch) {
        String expected = IfMatch.require(ifMatch);
        E record = locked(id);
        String now = IfMatch.etag(history.revisionOf(type, id));
        if (!now.equals(expected)) {
            throw IfMatch.stale("The " + type + " changed since you read it; its ETag is now " + now
                    + ". Read it again and reapply your change.");
        }
        return record;
    }

    private E locked(UUID id) {
        E record = em.find(entity, id, LockModeType.PESSIMISTIC_WRITE);
        if (record == null || record.publication == Publication.draft) {
            throw ApiProblem.notFound(type, id);
        }
        return record;
    }

    private Written answer(UUID id, String actor, String reason, String action, int status, String location) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw IfMatch.stale("Another write to this " + type + " was committed first; read it again and reapply your change.");
        }
        History.Recorded recorded = history.record(actor, reason, type, id);
        metrics.written(type, action, id, recorded.revision(), SEED.equals(actor));
        return new Written(status, location, mergePatch.toJson(recorded.view()), IfMatch.etag(recorded.revision()));
    }
}
