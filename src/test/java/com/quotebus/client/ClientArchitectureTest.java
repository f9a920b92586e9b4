package com.quotebus.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The client library and the CLI run without any server code: only Vert.x and the core value types. */
class ClientArchitectureTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.quotebus.client", "com.quotebus.cli");

    @Test
    void clientDependsOnNoServerPackage() {
        noClasses().that().resideInAPackage("com.quotebus.client..")
                .should().dependOnClassesThat().resideInAnyPackage("com.quotebus.access..",
                        "com.quotebus.calculator..", "com.quotebus.collector..", "com.quotebus.app..",
                        "com.quotebus.config..", "com.quotebus.cluster..", "com.quotebus.bus..", "com.quotebus.wire..",
                        "com.quotebus.cli..")
                .check(classes);
    }

    @Test
    void cliUsesTheClientNotTheServer() {
        noClasses().that().resideInAPackage("com.quotebus.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("com.quotebus.access..",
                        "com.quotebus.calculator..", "com.quotebus.collector..", "com.quotebus.app..",
                        "com.quotebus.config..", "com.quotebus.cluster..", "com.quotebus.bus..", "com.quotebus.wire..")
                .check(classes);
    }
}
