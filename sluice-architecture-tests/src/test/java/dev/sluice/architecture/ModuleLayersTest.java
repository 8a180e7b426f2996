package dev.sluice.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The modules' layers (STYLE.md §3.1): protocol ← core ← declarative ← {cli, kafka, sync}. A module's packages
 * use only the layers listed for it; nothing uses the command line, the benchmarks or the Kafka adapter. The test
 * kit sits beside core (it uses core and protocol only, so code-first authors can use it) and no main code uses
 * it: other modules take it in test scope. The launcher (a connector's own {@code main}) also sits on core alone, so
 * a connector depends on it without the CLI's drivers; of Sluice's main code only the CLI uses it. The Connector
 * Builder (test reads and the local web app) sits on declarative; only the CLI uses it.
 */
// main classes of every module only: ArchUnit imports them once for all rule classes with these settings
@AnalyzeClasses(packages = "dev.sluice", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleLayersTest {

    @ArchTest
    static final ArchRule MODULE_LAYERS = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("protocol").definedBy("dev.sluice.protocol..")
            .layer("core").definedBy("dev.sluice.source..", "dev.sluice.http..", "dev.sluice.runner..",
                    "dev.sluice.loader..", "dev.sluice.memo..")
            .layer("testkit").definedBy("dev.sluice.testkit..")
            .layer("declarative").definedBy("dev.sluice.declarative..")
            .layer("examples").definedBy("dev.sluice.examples..")
            .layer("sync").definedBy("dev.sluice.sync..")
            .layer("launcher").definedBy("dev.sluice.launcher..")
            .layer("builder").definedBy("dev.sluice.builder..")
            .layer("cli").definedBy("dev.sluice.cli..")
            .layer("kafka").definedBy("dev.sluice.kafka..")
            .layer("bench").definedBy("dev.sluice.bench..")
            .whereLayer("protocol").mayNotAccessAnyLayer()
            .whereLayer("core").mayOnlyAccessLayers("protocol")
            .whereLayer("testkit").mayOnlyAccessLayers("core", "protocol")
            .whereLayer("testkit").mayNotBeAccessedByAnyLayer()
            .whereLayer("declarative").mayOnlyAccessLayers("core", "protocol")
            .whereLayer("examples").mayOnlyAccessLayers("declarative", "core", "protocol")
            .whereLayer("sync").mayOnlyAccessLayers("core", "protocol")
            .whereLayer("kafka").mayOnlyAccessLayers("core", "protocol")
            .whereLayer("bench").mayOnlyAccessLayers("declarative", "core", "protocol")
            .whereLayer("launcher").mayOnlyAccessLayers("core", "protocol")
            .whereLayer("launcher").mayOnlyBeAccessedByLayers("cli", "examples")
            .whereLayer("builder").mayOnlyAccessLayers("declarative", "core", "protocol")
            .whereLayer("builder").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("cli").mayOnlyAccessLayers("launcher", "builder", "sync", "examples", "declarative", "core",
                    "protocol")
            .whereLayer("cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("kafka").mayNotBeAccessedByAnyLayer()
            .whereLayer("bench").mayNotBeAccessedByAnyLayer();

    /** The stream API (the base of core) knows neither the HTTP toolkit nor the runner built on it. */
    @ArchTest
    static final ArchRule STREAM_API_KNOWS_NO_TRANSPORT = noClasses().that().resideInAPackage("dev.sluice.source..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.sluice.http..", "dev.sluice.runner..");

    /** Sync loads any {@code Source}; it needs no HTTP. */
    @ArchTest
    static final ArchRule SYNC_SEES_ONLY_THE_STREAM_API = noClasses().that().resideInAPackage("dev.sluice.sync..")
            .should().dependOnClassesThat().resideInAPackage("dev.sluice.http..");

    /** Loading a source by class name knows no manifest: the manifest kinds come from a provider. */
    @ArchTest
    static final ArchRule THE_SOURCE_LOADER_KNOWS_NO_MANIFESTS = noClasses().that().resideInAPackage("dev.sluice.loader..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.sluice.declarative..", "dev.sluice.cli..",
                    "dev.sluice.examples..");

    /** Standard output carries protocol messages only. */
    @ArchTest
    static final ArchRule ONLY_THE_PROTOCOL_WRITER_TOUCHES_STANDARD_OUTPUT = noClasses()
            .that().doNotHaveFullyQualifiedName("dev.sluice.protocol.MessageWriter")
            .should().accessField(System.class, "out");

    /** Protocol uses nothing of Sluice, also in a package that no layer above lists. */
    @ArchTest
    static final ArchRule PROTOCOL_IS_SELF_CONTAINED = classes().that().resideInAPackage("dev.sluice.protocol..")
            .should().onlyDependOnClassesThat(not(resideInAPackage("dev.sluice..")).or(resideInAPackage(
                    "dev.sluice.protocol..")));
}
