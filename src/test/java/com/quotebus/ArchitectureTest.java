package com.quotebus;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The structure of the system, kept: three roles that do not know each other, what they share in
 * {@code cluster}, every Hazelcast adapter in {@code cluster.hazelcast}, a plain-Java {@code core}, and the node
 * ({@code app}) that wires it all and that nothing else knows. Production classes only: tests may wire anything.
 * Package-local rules (routing, registry, collector, simulator, client, wire, indicators) have their own tests.
 */
class ArchitectureTest {
    private static final List<String> ROLES = List.of("access", "calculator", "collector");

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests())
            .importPackages("com.quotebus");

    @Test
    void theRolesDoNotDependOnEachOther() {
        for (String role : ROLES) {
            String[] others = ROLES.stream().filter(r -> !r.equals(role)).map(r -> "com.quotebus." + r + "..")
                    .toArray(String[]::new);
            noClasses().that().resideInAPackage("com.quotebus." + role + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .because("a role runs on a node without the others; what they share (shard rules, shard map, "
                            + "service registry, stream and replay addresses) is in com.quotebus.cluster")
                    .check(CLASSES);
        }
    }

    /**
     * javac inlines constants (an event-bus address such as the journal replay's), so the byte code ArchUnit reads
     * cannot show that a role uses another's constant: the sources can.
     */
    @Test
    void theRolesDoNotUseEachOthersConstantsEither() throws IOException {
        Path sources = Path.of(System.getProperty("basedir", "."), "src/main/java/com/quotebus");
        List<String> found = new ArrayList<>();
        for (String role : ROLES) {
            Pattern others = Pattern.compile("\\bcom\\.quotebus\\.(" + String.join("|",
                    ROLES.stream().filter(r -> !r.equals(role)).toList()) + ")\\.");
            try (Stream<Path> files = Files.walk(sources.resolve(role))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        String line = lines.get(i).strip();
                        if (!line.startsWith("*") && !line.startsWith("/") && others.matcher(line).find()) {
                            found.add(sources.relativize(file) + ":" + (i + 1) + ": " + line);
                        }
                    }
                }
            }
        }
        assertThat(found).as("roles naming another role in code (shared constants belong in com.quotebus.cluster)")
                .isEmpty();
    }

    @Test
    void onlyTheHazelcastAdaptersAndTheNodeUseHazelcast() {
        noClasses().that().resideOutsideOfPackages("com.quotebus.cluster.hazelcast..", "com.quotebus.app..")
                .should().dependOnClassesThat().resideInAnyPackage("com.hazelcast..", "io.vertx.spi.cluster.hazelcast..")
                .because("Hazelcast sits behind small interfaces (ServiceRegistry, ShardMap, PolicyStore, SessionStore, "
                        + "LeaderElection, ...) so the roles run and are tested without a cluster")
                .check(CLASSES);
    }

    @Test
    void onlyTheNodeWiresTheHazelcastAdapters() {
        noClasses().that().resideOutsideOfPackages("com.quotebus.cluster.hazelcast..", "com.quotebus.app..")
                .should().dependOnClassesThat().resideInAPackage("com.quotebus.cluster.hazelcast..")
                .because("the roles get the adapters through their interfaces from the node (app), which alone "
                        + "decides that the cluster is Hazelcast")
                .check(CLASSES);
    }

    @Test
    void theSharedClusterRulesDependOnNoRole() {
        noClasses().that().resideInAPackage("com.quotebus.cluster..")
                .and().resideOutsideOfPackage("com.quotebus.cluster.hazelcast..")
                .should().dependOnClassesThat().resideInAnyPackage("com.quotebus.access..", "com.quotebus.calculator..",
                        "com.quotebus.collector..", "com.quotebus.app..")
                .because("every role uses com.quotebus.cluster; if it used a role, that role would be everywhere "
                        + "(only its Hazelcast adapters implement the interfaces a role defines)")
                .check(CLASSES);
    }

    @Test
    void theDomainCoreIsPlainJava() {
        noClasses().that().resideInAPackage("com.quotebus.core..")
                .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "io.netty..", "com.hazelcast..")
                .because("the market domain (bars, minute lines, indicators, sessions) runs and is tested by plain "
                        + "method calls, with an injected clock")
                .check(CLASSES);
    }

    @Test
    void theDomainCoreDependsOnNothingAboveIt() {
        noClasses().that().resideInAPackage("com.quotebus.core..")
                .should().dependOnClassesThat().resideInAnyPackage("com.quotebus.access..", "com.quotebus.calculator..",
                        "com.quotebus.collector..", "com.quotebus.cluster..", "com.quotebus.bus..",
                        "com.quotebus.config..", "com.quotebus.client..", "com.quotebus.cli..", "com.quotebus.app..")
                .because("everything else is built on the core; the core is built on nothing of ours but the wire "
                        + "encoding")
                .check(CLASSES);
    }

    @Test
    void nothingDependsOnTheNode() {
        noClasses().that().resideOutsideOfPackage("com.quotebus.app..")
                .should().dependOnClassesThat().resideInAPackage("com.quotebus.app..")
                .because("app is the composition root (Main, QuotebusNode): it wires the parts, no part calls back "
                        + "into it")
                .check(CLASSES);
    }
}
