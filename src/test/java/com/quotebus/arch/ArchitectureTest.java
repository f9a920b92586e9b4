package com.quotebus.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the domain core plain Java: no Vert.x, no Netty, no Hazelcast inside it. */
class ArchitectureTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.quotebus");

    @Test
    void domainCoreDoesNotDependOnVertxNettyOrHazelcast() {
        noClasses().that().resideInAPackage("com.quotebus.core..")
                .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "io.netty..", "com.hazelcast..")
                .check(classes);
    }

    @Test
    void domainCoreDoesNotDependOnTheServices() {
        noClasses().that().resideInAPackage("com.quotebus.core..")
                .should().dependOnClassesThat().resideInAnyPackage("com.quotebus.collector..",
                        "com.quotebus.calculator..", "com.quotebus.access..", "com.quotebus.client..",
                        "com.quotebus.app..")
                .check(classes);
    }
}
