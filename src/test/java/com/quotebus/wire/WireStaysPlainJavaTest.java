package com.quotebus.wire;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The encodings are shared by the journal, the bus and tests: no Vert.x or Netty inside them. */
class WireStaysPlainJavaTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.quotebus.wire", "com.quotebus.core.compress");

    @Test
    void wireAndCompressDoNotDependOnVertxOrNetty() {
        noClasses().that().resideInAnyPackage("com.quotebus.wire..", "com.quotebus.core.compress..")
                .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "io.netty..")
                .check(classes);
    }

    @Test
    void wireDoesNotDependOnTheCompressionLayerAboveIt() {
        noClasses().that().resideInAPackage("com.quotebus.wire..")
                .should().dependOnClassesThat().resideInAPackage("com.quotebus.core.compress..")
                .check(classes);
    }
}
