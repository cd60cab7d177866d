package org.surveillanceoversight;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Which packages may depend on which. No cycle between packages; the shared code (common) and the
 * history know no feature: features register what the history needs (history.RecordType, found
 * through CDI), and what a feature needs from the stats it asks through an interface of its own
 * (VendorDeploymentCounts, CapabilityDeploymentCounts) that the stats implement.
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

    private static String[] concat(String[] a, String... b) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(a), java.util.Arrays.stream(b)).toArray(String[]::new);
    }
}
