package io.imgorigin;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The layout the README describes: a request goes web → serving → processing, with options, source and
 * security below them and the codecs below processing; no package depends on one that depends on it.
 */
class LayeringTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.imgorigin");

    @Test
    void noPackageCycles() {
        slices().matching("io.imgorigin.(**)").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void layersAreOnlyUsedFromAbove() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("web").definedBy("io.imgorigin.web..")
                .layer("serving").definedBy("io.imgorigin.serving..")
                .layer("processing").definedBy("io.imgorigin.processing..")
                .layer("codec").definedBy("io.imgorigin.codec..")
                .layer("options").definedBy("io.imgorigin.options..")
                .layer("source").definedBy("io.imgorigin.source..")
                .layer("security").definedBy("io.imgorigin.security..")
                .whereLayer("web").mayNotBeAccessedByAnyLayer()
                .whereLayer("serving").mayOnlyBeAccessedByLayers("web")
                .whereLayer("processing").mayOnlyBeAccessedByLayers("serving", "web")
                .whereLayer("codec").mayOnlyBeAccessedByLayers("processing")
                .whereLayer("security").mayOnlyBeAccessedByLayers("web")
                .whereLayer("source").mayOnlyBeAccessedByLayers("serving", "web")
                .whereLayer("options").mayOnlyBeAccessedByLayers("web", "serving", "processing", "security")
                .check(CLASSES);
    }

    /** The step contract knows no step, and no step knows the assembly that lists them. */
    @Test
    void stepsMeetOnlyThroughTheContract() {
        classes().that().resideInAPackage("io.imgorigin.processing.pipeline")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("io.imgorigin.processing..")
                        .or(resideInAPackage("io.imgorigin.processing.pipeline")))
                .check(CLASSES);
        noClasses().that().resideInAPackage("io.imgorigin.processing.(*)..")
                .should().dependOnClassesThat().resideInAPackage("io.imgorigin.processing")
                .check(CLASSES);
    }
}
