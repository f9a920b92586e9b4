package com.quotebus.access.routing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Strategies, policies and held contexts stay plain Java; Vert.x and Hazelcast only at the named edges. */
class RoutingArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.quotebus.access.routing", "com.quotebus.cluster.registry");

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

    @Test
    void theRegistryContractAndInMemoryRegistryDependOnNeitherVertxNorHazelcast() {
        ArchRule rule = noClasses()
                .that().haveSimpleNameStartingWith("ServiceRegistry").or().haveSimpleName("ServiceInstance")
                .or().haveSimpleName("InstanceState").or().haveSimpleName("RegistryListener")
                .or().haveSimpleName("RegistryView").or().haveSimpleName("InMemoryServiceRegistry")
                .or().haveSimpleName("RegistryConfig")
                .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "com.hazelcast..");
        rule.check(classes);
    }

    @Test
    void theRegistryDoesNotKnowAboutRouting() {
        noClasses().that().resideInAPackage("com.quotebus.cluster.registry")
                .should().dependOnClassesThat().resideInAPackage("com.quotebus.access.routing")
                .check(classes);
    }
}
