package com.quotebus.core.indicator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Indicators and price adjustment are plain Java: no Vert.x, no I/O frameworks, no clock. */
class IndicatorPackagesArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.quotebus.core.indicator", "com.quotebus.core.adjust");

    @Test
    void indicatorAndAdjustPackagesDoNotDependOnVertxOrJackson() {
        noClasses().that().resideInAnyPackage("com.quotebus.core.indicator..", "com.quotebus.core.adjust..")
                .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "com.fasterxml..", "com.hazelcast..")
                .check(CLASSES);
    }

    @Test
    void indicatorAndAdjustPackagesDoNotReadTheWallClock() {
        noClasses().that().resideInAnyPackage("com.quotebus.core.indicator..", "com.quotebus.core.adjust..")
                .should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .check(CLASSES);
    }
}
