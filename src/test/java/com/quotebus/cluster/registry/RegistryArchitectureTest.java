package com.quotebus.cluster.registry;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The registry contract and the in-memory registry are plain Java: only {@link ServiceRegistration} and
 * {@link RegistrySweeper} (timers) use Vert.x. That it knows no role and no Hazelcast is
 * {@code com.quotebus.ArchitectureTest}'s.
 */
class RegistryArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.quotebus.cluster.registry");

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
}
