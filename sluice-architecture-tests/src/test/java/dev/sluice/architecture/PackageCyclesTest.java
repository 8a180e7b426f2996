package dev.sluice.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * No import cycle between packages, in any module: shared vocabulary lives below the packages that use it
 * (STYLE.md rule 11). Each package is a slice of its own, so a cycle inside one module fails as one across modules
 * does.
 */
// main classes of every module only: ArchUnit imports them once for all rule classes with these settings
@AnalyzeClasses(packages = "dev.sluice", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageCyclesTest {

    @ArchTest
    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("dev.sluice.(**)")
            .namingSlices("package dev.sluice.$1")
            .should().beFreeOfCycles();
}
