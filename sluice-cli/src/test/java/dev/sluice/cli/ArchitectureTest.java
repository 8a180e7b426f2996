package dev.sluice.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of STYLE.md §3.1: protocol ← source ← {http, declarative} ← {cli, kafka}, and only the
 * protocol writer owns standard output.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.sluice");
    }

    @Test
    void theProtocolDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("dev.sluice.protocol..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.sluice.source..", "dev.sluice.http..",
                        "dev.sluice.runner..", "dev.sluice.declarative..", "dev.sluice.cli..", "dev.sluice.examples..")
                .check(classes);
    }

    @Test
    void theStreamApiKnowsNoTransportNorManifests() {
        noClasses().that().resideInAPackage("dev.sluice.source..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.sluice.http..", "dev.sluice.runner..",
                        "dev.sluice.declarative..", "dev.sluice.cli..", "dev.sluice.examples..")
                .check(classes);
    }

    @Test
    void coreKnowsNoManifestsNorCommands() {
        noClasses().that().resideInAnyPackage("dev.sluice.http..", "dev.sluice.runner..", "dev.sluice.testing..",
                        "dev.sluice.loader..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.sluice.declarative..", "dev.sluice.cli..",
                        "dev.sluice.examples..")
                .check(classes);
    }

    @Test
    void manifestsKnowNoCommands() {
        noClasses().that().resideInAPackage("dev.sluice.declarative..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.sluice.cli..", "dev.sluice.examples..")
                .check(classes);
    }

    @Test
    void theLoaderSeesOnlyTheStreamApiNotManifestsNorCommands() {
        noClasses().that().resideInAPackage("dev.sluice.sync..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.sluice.declarative..", "dev.sluice.cli..",
                        "dev.sluice.examples..", "dev.sluice.http..")
                .check(classes);
    }

    @Test
    void onlyTheProtocolWriterTouchesStandardOutput() {
        noClasses().that().doNotHaveFullyQualifiedName("dev.sluice.protocol.MessageWriter")
                .should().accessField(System.class, "out")
                .check(classes);
    }
}
