package com.quotebus.collector;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Vert.x and Hazelcast stay at the collector's edge (the verticle package); the domain is plain Java. */
class CollectorArchitectureTest {
    private static final JavaClasses COLLECTOR = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.quotebus.collector.arbitration", "com.quotebus.collector.journal",
                    "com.quotebus.collector.replay", "com.quotebus.collector.pipeline");

    @Test
    void collectorDomainPackagesDoNotUseVertxOrHazelcast() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "com.hazelcast..")
                .check(COLLECTOR);
    }

    @Test
    void collectorDomainDoesNotDependOnTheVerticle() {
        noClasses().should().dependOnClassesThat().resideInAPackage("com.quotebus.collector.verticle..")
                .check(COLLECTOR);
    }
}
