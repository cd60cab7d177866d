package org.surveillanceoversight.country;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.surveillanceoversight.auth.Caller;
import org.surveillanceoversight.common.errors.ApiProblem;
import org.surveillanceoversight.common.http.ContentTag;
import org.surveillanceoversight.common.errors.FieldError;
import org.surveillanceoversight.common.http.IfMatch;
import org.surveillanceoversight.common.records.MergePatch;
import org.surveillanceoversight.common.records.Publication;
import org.surveillanceoversight.history.Written;
import org.surveillanceoversight.history.History;
import org.surveillanceoversight.history.Idempotency;
import org.surveillanceoversight.source.Claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Writes localities; the ETag is a hash of the locality as GET shows it, checked under a row lock. */
@ApplicationScoped
public class LocalityWriter {

    @Inject
    EntityManager em;

    @Inject
    History history;

    @Inject
    Idempotency idempotency;

    @Inject
    MergePatch mergePatch;

    @Inject
    CountryService places;

    @Transactional
    public Written create(LocalityInput input, Caller caller, String idempotencyKey, String collectionUri) {
        return idempotency.once(caller, idempotencyKey, "POST " + collectionUri + " " + mergePatch.toJson(input), () -> {
            Locality l = new Locality();
            l.id = UUID.randomUUID();
            apply(l, input);
            l.persist();
            return written(201, collectionUri + "/" + l.id, l.id, caller, input.changeReason());
        });
    }

    @Transactional
    public Written update(UUID id, LocalityInput input, String ifMatch, Caller caller) {
        return write(current(id, ifMatch), input, caller);
    }

    @Transactional
    public Written patch(UUID id, JsonNode patch, String ifMatch, Caller caller) {
        Locality l = current(id, ifMatch);
        return write(l, mergePatch.apply(inputOf(l), patch, LocalityInput.class), caller);
    }

    private Written write(Locality l, LocalityInput input, Caller caller) {
        if (!l.country.code.equals(input.countryCode()) && usedByPublishedDeployments(l.id)) {
            throw new ApiProblem("unprocessable", "Unprocessable request", 422,
                    "Published deployments are in this locality; it cannot move to another country.",
                    List.of(new FieldError("country_code", "cannot change while deployments are here")));
        }
        apply(l, input);
        return written(200, null, l.id, caller, input.changeReason());
    }

    /** A merge patch against the locality as it is now (an accepted submission; no ETag to compare). */
    @Transactional
    public Written patchCurrent(UUID id, JsonNode patch, Caller caller) {
        List<CountryViews.LocalityView> now = places.localityViews(List.of(id));
        if (now.isEmpty()) {
            throw ApiProblem.notFound("locality", id);
        }
        return patch(id, patch, ContentTag.of(mergePatch.toJson(now.get(0))), caller);
    }

    @Transactional
    public Written retract(UUID id, String reason, String ifMatch, Caller caller) {
        Locality l = current(id, ifMatch);
        if (l.publication == Publication.retracted) {
            throw new ApiProblem("already-retracted", "Already retracted", 409,
                    "This locality was retracted at " + l.retractedAt + ".", List.of());
        }
        if (usedByPublishedDeployments(id)) {
            throw new ApiProblem("in-use", "Locality in use", 409,
                    "Published deployments are in this locality; move or retract them first.", List.of());
        }
        Claims.retract(l, caller, reason.trim());
        return written(200, null, l.id, caller, reason.trim());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<LocalityInput> input(UUID id) {
        return Locality.<Locality>findByIdOptional(id).filter(l -> l.publication != Publication.draft).map(LocalityWriter::inputOf);
    }

    private boolean usedByPublishedDeployments(UUID id) {
        return !em.createNativeQuery("select 1 from deployment_summary where publication = 'published' "
                + "and locality_ids && array[cast(:id as uuid)] limit 1").setParameter("id", id).getResultList().isEmpty();
    }

    private Locality current(UUID id, String ifMatch) {
        String expected = IfMatch.require(ifMatch);
        Locality l = em.find(Locality.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (l == null || l.publication == Publication.draft) {
            throw ApiProblem.notFound("locality", id);
        }
        String now = ContentTag.of(mergePatch.toJson(places.localityViews(List.of(id)).get(0)));
        if (!now.equals(expected)) {
            throw IfMatch.stale("The locality changed since you read it; its ETag is now " + now
                    + ". Read it again and reapply your change.");
        }
        return l;
    }

    private Written written(int status, String location, UUID id, Caller caller, String reason) {
        String body = mergePatch.toJson(history.record(caller, reason, "locality", id));
        return new Written(status, location, body, ContentTag.of(body));
    }

    private static void apply(Locality l, LocalityInput in) {
        List<FieldError> errors = new ArrayList<>();
        Country country = Country.findById(in.countryCode());
        if (country == null) {
            errors.add(new FieldError("country_code", "is not an ISO 3166-1 alpha-2 country code"));
        }
        if ((in.latitude() == null) != (in.longitude() == null)) {
            errors.add(new FieldError("longitude", "latitude and longitude come together"));
        }
        if ((in.nameLocal() == null) != (in.localScript() == null)) {
            errors.add(new FieldError("local_script", "name_local and local_script come together"));
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem("unprocessable", "Unprocessable request", 422,
                    "The locality breaks a rule of the registry; see errors.", errors);
        }
        l.country = country;
        l.nameEn = in.nameEn().trim();
        l.nameLocal = in.nameLocal();
        l.localScript = in.localScript();
        l.kind = in.kind();
        l.latitude = in.latitude();
        l.longitude = in.longitude();
        List<String> aliases = new ArrayList<>(Claims.orEmpty(in.aliases()));
        if (!aliases.equals(l.aliases)) {
            l.aliases = aliases;
        }
    }

    static LocalityInput inputOf(Locality l) {
        return new LocalityInput(l.country.code, l.nameEn, l.nameLocal, l.localScript, l.kind, l.latitude, l.longitude,
                List.copyOf(l.aliases), null);
    }
}
