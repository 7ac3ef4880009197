package dev.orchestra.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules over the production classes of every module. */
class ArchitectureTest {
    static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.orchestra");
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of(ArchitectureRules.the_core_has_no_spring_jdbc_jackson_or_adapter_dependency),
                Arguments.of(ArchitectureRules.the_layers_form_an_onion),
                Arguments.of(ArchitectureRules.adapters_do_not_depend_on_each_other),
                Arguments.of(ArchitectureRules.only_bootstrap_depends_on_adapters),
                Arguments.of(ArchitectureRules.controllers_use_application_ports_only),
                Arguments.of(ArchitectureRules.there_are_no_package_cycles),
                Arguments.of(ArchitectureRules.ports_are_interfaces),
                Arguments.of(ArchitectureRules.the_core_has_no_spring_annotations));
    }

    @Test
    void givenTheImport_everyModuleIsPresent_soNoRulePassesOnNothing() {
        for (String module : new String[] {"dev.orchestra.domain", "dev.orchestra.application",
                "dev.orchestra.adapter.sqlite", "dev.orchestra.adapter.json", "dev.orchestra.adapter.rest",
                "dev.orchestra.bootstrap"}) {
            assertThat(production.stream().filter(c -> c.getPackageName().startsWith(module)).count())
                    .as(module).isGreaterThan(3);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void givenProductionClasses_theRuleHolds(ArchRule rule) {
        rule.check(production);
    }
}
