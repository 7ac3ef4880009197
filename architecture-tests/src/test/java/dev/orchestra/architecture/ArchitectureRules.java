package dev.orchestra.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.orchestra.domain.shared.Specification;

/** The rules Maven cannot enforce, each named as the sentence it checks. */
final class ArchitectureRules {
    static final String DOMAIN = "dev.orchestra.domain..";
    /** The roots, taken from real classes so a misspelt package cannot make a rule pass. */
    private static final String DOMAIN_ROOT = Specification.class.getPackageName()
            .substring(0, Specification.class.getPackageName().lastIndexOf('.'));
    private static final String APPLICATION_ROOT = dev.orchestra.application.shared.Caller.class.getPackageName()
            .substring(0, dev.orchestra.application.shared.Caller.class.getPackageName().lastIndexOf('.'));
    static final String APPLICATION = "dev.orchestra.application..";
    static final String ADAPTERS = "dev.orchestra.adapter..";
    static final String BOOTSTRAP = "dev.orchestra.bootstrap..";

    private ArchitectureRules() {
    }

    static final ArchRule the_core_has_no_spring_jdbc_jackson_or_adapter_dependency = noClasses()
            .that().resideInAnyPackage(DOMAIN, APPLICATION)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..",
                    "javax.sql..", "tools.jackson..", "com.fasterxml.jackson..", "org.flywaydb..", "org.sqlite..",
                    "org.mapstruct..", ADAPTERS, BOOTSTRAP)
            .as("the core has no Spring, JDBC, Jackson or adapter dependency");

    static final ArchRule the_layers_form_an_onion = onionArchitecture()
            .domainModels(DOMAIN)
            .applicationServices(APPLICATION)
            .adapter("sqlite", "dev.orchestra.adapter.sqlite..")
            .adapter("json", "dev.orchestra.adapter.json..")
            .adapter("rest", "dev.orchestra.adapter.rest..")
            .withOptionalLayers(true)
            // bootstrap is the composition root: it may see every layer.
            .ignoreDependency(JavaClass.Predicates.resideInAPackage(BOOTSTRAP), DescribedPredicate.alwaysTrue())
            .as("the layers form an onion: domain inside, application around it, adapters outside");

    static final ArchRule adapters_do_not_depend_on_each_other = slices()
            .matching("dev.orchestra.adapter.(*)..")
            .should().notDependOnEachOther()
            .as("adapters do not depend on each other");

    static final ArchRule only_bootstrap_depends_on_adapters = noClasses()
            .that().resideOutsideOfPackages(ADAPTERS, BOOTSTRAP)
            .should().dependOnClassesThat().resideInAPackage(ADAPTERS)
            .as("only bootstrap depends on adapters");

    static final ArchRule controllers_use_application_ports_only = noClasses()
            .that().resideInAPackage("dev.orchestra.adapter.rest..")
            .should().dependOnClassesThat(outboundPortsOrServiceImplementations())
            .as("controllers use application ports only, never outbound ports or services");

    static final ArchRule there_are_no_package_cycles = slices()
            .matching("dev.orchestra.(**)")
            .should().beFreeOfCycles()
            .as("there are no package cycles");

    /** What a store takes from the domain to implement is an interface: a port, never a base class. */
    static final ArchRule ports_are_interfaces = classes()
            .that().resideInAPackage(ADAPTERS)
            .should(notExtendAClassOf(DOMAIN))
            .as("ports are interfaces: stores implement them and never extend a domain class");

    static final ArchRule the_core_has_no_spring_annotations = noClasses()
            .that().resideInAnyPackage(DOMAIN, APPLICATION)
            .should().beAnnotatedWith(annotationFrom("org.springframework"))
            .as("the core carries no Spring annotation");

    /**
     * Derived, not listed, so a new port is covered the day it is written: every interface of the domain
     * but the specification algebra is an outbound port; every class of the application that implements
     * one of the application's interfaces is a use case's implementation.
     */
    private static DescribedPredicate<JavaClass> outboundPortsOrServiceImplementations() {
        return DescribedPredicate.describe("outbound ports or use-case implementations", c ->
                isOutboundPort(c) || isUseCaseImplementation(c));
    }

    private static boolean isOutboundPort(JavaClass c) {
        return c.isInterface() && !c.isAnnotation() && c.getPackageName().startsWith(DOMAIN_ROOT)
                && !c.isAssignableTo(Specification.class);
    }

    private static boolean isUseCaseImplementation(JavaClass c) {
        return !c.isInterface() && c.getPackageName().startsWith(APPLICATION_ROOT)
                && c.getRawInterfaces().stream().anyMatch(i -> i.getPackageName().startsWith(APPLICATION_ROOT));
    }

    private static DescribedPredicate<com.tngtech.archunit.core.domain.JavaAnnotation<?>> annotationFrom(
            String prefix) {
        return DescribedPredicate.describe("an annotation of " + prefix,
                a -> a.getRawType().getPackageName().startsWith(prefix));
    }

    private static ArchCondition<JavaClass> notExtendAClassOf(String packagePattern) {
        String prefix = packagePattern.replace("..", "");
        return new ArchCondition<>("not extend a class of " + prefix) {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                item.getRawSuperclass().filter(s -> s.getPackageName().startsWith(prefix)).ifPresent(s ->
                        events.add(SimpleConditionEvent.violated(item,
                                item.getName() + " extends " + s.getName())));
            }
        };
    }
}
