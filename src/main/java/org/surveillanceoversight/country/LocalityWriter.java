package org.surveillanceoversight.country;

import jakarta.enterprise.context.ApplicationScoped;
import org.surveillanceoversight.common.errors.ApiProblem;
import org.surveillanceoversight.common.errors.FieldError;
import org.surveillanceoversight.history.RecordWriter;
import org.surveillanceoversight.source.Claims;

import java.util.ArrayList;
import java.util.List;

/** Writes localities through the one write path; a locality's own rules are here. */
@ApplicationScoped
public class LocalityWriter extends RecordWriter<Locality, LocalityInput> {

    public LocalityWriter() {
        super("locality", Locality.class, LocalityInput.class, Locality::new);
    }

    @Override
    protected void check(Locality l, LocalityInput in, boolean isNew, boolean seeded) {
        if (!isNew && !l.country.code.equals(in.countryCode()) && usedByPublishedDeployments(l)) {
            throw new ApiProblem("unprocessable", "Unprocessable request", 422,
                    "Published deployments are in this locality; it cannot move to another country.",
                    List.of(new FieldError("country_code", "cannot change while deployments are here")));
        }
        List<FieldError> errors = new ArrayList<>();
        if (Country.findById(in.countryCode()) == null) {
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
    }

    @Override
    protected void checkRetract(Locality l) {
        if (usedByPublishedDeployments(l)) {
            throw new ApiProblem("in-use", "Locality in use", 409,
                    "Published deployments are in this locality; move or retract them first.", List.of());
        }
    }

    private boolean usedByPublishedDeployments(Locality l) {
        return !em.createNativeQuery("select 1 from deployment_summary where publication = 'published' "
                + "and locality_ids && array[cast(:id as uuid)] limit 1").setParameter("id", l.id).getResultList().isEmpty();
    }

    @Override
    protected void apply(Locality l, LocalityInput in) {
        l.country = Country.findById(in.countryCode());
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

    @Override
    protected LocalityInput inputOf(Locality l) {
        return new LocalityInput(l.country.code, l.nameEn, l.nameLocal, l.localScript, l.kind, l.latitude, l.longitude,
                List.copyOf(l.aliases), null);
    }
}
