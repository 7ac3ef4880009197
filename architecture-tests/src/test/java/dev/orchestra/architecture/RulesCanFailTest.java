package dev.orchestra.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import dev.orchestra.adapter.json.fixture.StoreExtendingAClass;
import dev.orchestra.adapter.rest.fixture.ControllerUsingPort;
import dev.orchestra.adapter.rest.fixture.ControllerUsingTemplates;
import dev.orchestra.adapter.sqlite.fixture.SqliteUsingJson;
import dev.orchestra.application.fixture.ApplicationUsingAdapter;
import dev.orchestra.domain.fixture.PortAsClass;
import dev.orchestra.domain.fixture.SpringInTheCore;
import dev.orchestra.domain.fixture.cyclea.A;
import dev.orchestra.domain.fixture.cycleb.B;
import org.junit.jupiter.api.Test;

/** Each rule, run over deliberately violating fixture classes, reports the violation. */
class RulesCanFailTest {
    private static void assertViolated(ArchRule rule, String offender, Class<?>... fixtures) {
        JavaClasses classes = new ClassFileImporter().importClasses(fixtures);
        assertThatThrownBy(() -> rule.check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(offender);
    }

    @Test
    void givenSpringInTheDomain_theCoreRule_fails() {
        assertViolated(ArchitectureRules.the_core_has_no_spring_jdbc_jackson_or_adapter_dependency,
                "SpringInTheCore", SpringInTheCore.class);
        assertViolated(ArchitectureRules.the_core_has_no_spring_annotations, "SpringInTheCore",
                SpringInTheCore.class);
    }

    @Test
    void givenOneAdapterUsingAnother_theAdapterRule_fails() {
        assertViolated(ArchitectureRules.adapters_do_not_depend_on_each_other, "SqliteUsingJson",
                SqliteUsingJson.class, dev.orchestra.adapter.json.JsonStore.class);
    }

    @Test
    void givenApplicationUsingAStore_theBootstrapOnlyAndOnionRules_fail() {
        assertViolated(ArchitectureRules.only_bootstrap_depends_on_adapters, "ApplicationUsingAdapter",
                ApplicationUsingAdapter.class);
        assertViolated(ArchitectureRules.the_layers_form_an_onion, "ApplicationUsingAdapter",
                ApplicationUsingAdapter.class, dev.orchestra.adapter.sqlite.SqliteStore.class);
    }

    @Test
    void givenControllerUsingAnOutboundPortOrAService_theControllerRule_fails() {
        assertViolated(ArchitectureRules.controllers_use_application_ports_only, "ControllerUsingPort",
                ControllerUsingPort.class, dev.orchestra.domain.agent.Agents.class,
                dev.orchestra.application.task.TaskQueueService.class);
    }

    @Test
    void givenControllerUsingTaskTemplates_theControllerRule_fails() {
        assertViolated(ArchitectureRules.controllers_use_application_ports_only, "ControllerUsingTemplates",
                ControllerUsingTemplates.class, dev.orchestra.domain.template.TaskTemplates.class);
    }

    @Test
    void givenTwoPackagesUsingEachOther_theCycleRule_fails() {
        assertViolated(ArchitectureRules.there_are_no_package_cycles, "cycle", A.class, B.class);
    }

    @Test
    void givenAStoreExtendingADomainClass_theInterfaceRule_fails() {
        assertViolated(ArchitectureRules.ports_are_interfaces,
                "StoreExtendingAClass", StoreExtendingAClass.class, PortAsClass.class);
    }
}
