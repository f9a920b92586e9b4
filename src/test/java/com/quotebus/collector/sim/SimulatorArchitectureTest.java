package com.quotebus.collector.sim;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class SimulatorArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.quotebus.collector.sim", "com.quotebus.collector.szse");

    @Test
    void theSimulatorDomainIsPlainJava() {
        noClasses().that().resideInAPackage("com.quotebus.collector.sim..").should().dependOnClassesThat()
                .resideInAPackage("io.vertx..").check(CLASSES);
    }

    @Test
    void theSimulatorDoesNotDependOnTheWireFormat() {
        noClasses().that().resideInAPackage("com.quotebus.collector.sim..").should().dependOnClassesThat()
                .resideInAPackage("com.quotebus.collector.szse..").check(CLASSES);
    }

    @Test
    void onlyTheTcpSourceTheServerAndItsMainUseVertx() {
        noClasses().that().resideInAPackage("com.quotebus.collector.szse..")
                .and().doNotHaveSimpleName("SzseBinaryFeedSource").and().doNotHaveSimpleName("SimulatorServer").and().doNotHaveSimpleName("SimulatorMain")
                .and().areNotNestedClasses()
                .should().dependOnClassesThat().resideInAPackage("io.vertx..").check(CLASSES);
    }
}
