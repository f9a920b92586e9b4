package com.quotebus.access.routing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Strategies, policies and held contexts stay plain Java; Vert.x only at the named edges (Hazelcast nowhere in
 * access: {@code com.quotebus.ArchitectureTest}).
 */
class RoutingArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.quotebus.access.routing");

    @Test
    void theRoutingDomainDependsOnNeitherVertxNorHazelcast() {
        ArchRule rule = noClasses()
                .that().haveSimpleNameEndingWith("Strategy")
                .or().haveSimpleName("StrategyKind").or().haveSimpleName("ServicePolicy")
                .or().haveSimpleName("OutstandingRequests").or().haveSimpleName("RouteRequest")
                .or().haveSimpleNameStartingWith("SessionContexts").or().haveSimpleName("HeldContext")
                .or().haveSimpleName("PolicyStore").or().haveSimpleName("InMemoryPolicyStore")
                .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "com.hazelcast..");
        rule.check(classes);
    }
}
