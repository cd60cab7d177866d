package org.surveillanceoversight;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Which packages may depend on which. No cycle between packages; the shared code (common) and the
 * history know no feature: features register what the history needs (history.RecordType, found
 * through CDI), and what a feature needs from the stats it asks through an interface of its own
 * (VendorDeploymentCounts, CapabilityDeploymentCounts) that the stats implement. And the layers:
 * resources call services, services own the SQL, and no JAX-RS type is used below the web layer.
 */
class ArchitectureTest {

    private static final String ROOT = "org.surveillanceoversight";
    private static final String[] FEATURES = {"deployment..", "vendor..", "source..", "country..", "capability..",
            "finding..", "oversight..", "stats..", "export..", "submission..", "seed..", "embedded.."};
    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
    }

    private static String[] inRoot(String... packages) {
        return java.util.Arrays.stream(packages).map(p -> ROOT + "." + p).toArray(String[]::new);
    }

    @Test
    void noCycleBetweenPackages() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theSharedCodeKnowsNoOtherPackage() {
        noClasses().that().resideInAPackage(ROOT + ".common..")
                .should().dependOnClassesThat().resideInAnyPackage(inRoot(concat(FEATURES, "history..", "auth..")))
                .check(classes);
    }

    @Test
    void theHistoryKnowsNoFeature() {
        noClasses().that().resideInAPackage(ROOT + ".history..")
                .should().dependOnClassesThat().resideInAnyPackage(inRoot(FEATURES))
                .check(classes);
    }

    @Test
    void keysAndRolesKnowNoFeatureAndNoHistory() {
        noClasses().that().resideInAPackage(ROOT + ".auth..")
                .should().dependOnClassesThat().resideInAnyPackage(inRoot(concat(FEATURES, "history..")))
                .check(classes);
    }

    /**
     * The web layer: resources, the filters and exception mappers of the HTTP plumbing, the
     * beans that declare request parameters, and the helpers that build HTTP answers.
     */
    private static final DescribedPredicate<JavaClass> WEB_LAYER = new DescribedPredicate<>(
            "resources, JAX-RS filters and mappers, parameter beans and HTTP helpers") {
        @Override
        public boolean test(JavaClass c) {
            return c.isAnnotatedWith(Path.class)
                    || c.getMethods().stream().anyMatch(m -> m.getAnnotations().stream()
                    .anyMatch(a -> a.getRawType().getPackageName().startsWith("org.jboss.resteasy.reactive.server")))
                    || c.getSimpleName().endsWith("Params")
                    || c.getPackageName().endsWith(".http") || c.getPackageName().equals(ROOT + ".common.query");
        }
    };

    @Test
    void noJaxRsTypeBelowTheResources() {
        noClasses().that(DescribedPredicate.not(WEB_LAYER)).and().doNotHaveModifier(JavaModifier.SYNTHETIC)
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..")
                .because("services answer in data; only the web layer knows HTTP")
                .check(classes);
    }

    @Test
    void resourcesCallServicesAndServicesOwnTheSql() {
        noClasses().that().areAnnotatedWith(Path.class)
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.hibernate..",
                        "io.vertx.sqlclient..", "io.vertx.mutiny.sqlclient..", "io.agroal..", "java.sql..")
                .orShould().callMethodWhere(JavaCall.Predicates.target(HasOwner.Predicates.With.owner(
                        JavaClass.Predicates.assignableTo(PanacheEntityBase.class))))
                .because("a resource reads and writes through a service, which owns its queries")
                .check(classes);
    }

    private static String[] concat(String[] a, String... b) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(a), java.util.Arrays.stream(b)).toArray(String[]::new);
    }
}
