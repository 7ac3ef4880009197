package dev.orchestra.domain.contract;

import static dev.orchestra.domain.testing.TestData.OTHER_TENANT;
import static dev.orchestra.domain.testing.TestData.T0;
import static dev.orchestra.domain.testing.TestData.TENANT;
import static dev.orchestra.domain.testing.TestData.template;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.NotFound;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.ValidationFailed;
import dev.orchestra.domain.template.TaskTemplate;
import dev.orchestra.domain.template.TemplateFields;
import dev.orchestra.domain.template.TemplateStep;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The behaviour every store's {@code TaskTemplates} must have. */
public abstract class TaskTemplatesContractTest extends StoreContract {

    @Test
    void givenTemplate_add_thenItReadsBackEqualWithStepsInOrderAfterReopen() {
        TaskTemplate template = template("tpl-1");

        write(() -> store.templates().add(template));
        reopen();

        assertThat(read(() -> store.templates().findById(TENANT, "tpl-1"))).contains(template);
        assertThat(read(() -> store.templates().findById(OTHER_TENANT, "tpl-1"))).isEmpty();
    }

    @Test
    void givenStoredTemplate_update_replacesStepsAndParametersAndChecksTheVersion() {
        TaskTemplate stored = write(() -> store.templates().add(template("tpl-1")));
        TaskTemplate changed = stored.withDetails(new TaskTemplate.Details("Renamed", null, "ci", "2.0.0", false,
                List.of(new TemplateStep("echo only", null)), Map.of(), Set.of()), T0.plusSeconds(5), "bob");

        TaskTemplate updated = write(() -> store.templates().update(changed));

        TaskTemplate read = read(() -> store.templates().findById(TENANT, "tpl-1")).orElseThrow();
        assertThat(read).isEqualTo(updated);
        assertThat(read.steps()).extracting(TemplateStep::command).containsExactly("echo only");
        assertThat(read.parameters()).isEmpty();
        assertThat(read.version()).isEqualTo(1);
        assertThatThrownBy(() -> write(() -> store.templates().update(changed))).isInstanceOf(Conflict.class);
    }

    @Test
    void givenTemplates_findAndRemove() {
        writeVoid(() -> {
            store.templates().add(template("b"));
            store.templates().add(template("a"));
        });

        assertThat(read(() -> store.templates().find(TENANT, TemplateFields.PUBLIC.eq(true),
                PageRequest.first(10, List.of(TemplateFields.ID.asc())))).items())
                .extracting(TaskTemplate::id).containsExactly("a", "b");
        assertThatThrownBy(() -> writeVoid(() -> store.templates().remove(TENANT, "a", 3)))
                .isInstanceOf(Conflict.class);
        writeVoid(() -> store.templates().remove(TENANT, "a", 0));
        assertThat(read(() -> store.templates().findById(TENANT, "a"))).isEmpty();
        assertThatThrownBy(() -> writeVoid(() -> store.templates().remove(TENANT, "a", 0)))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> write(() -> store.templates().add(template("b")))).isInstanceOf(Conflict.class);
    }

    @Test
    void givenTemplateBreakingLimits_add_isRefusedAtTheSchemaDoor() {
        TaskTemplate valid = template("t");
        TaskTemplate broken = new TaskTemplate(TENANT, "t", valid.name(), null, null, "1.0", false, valid.steps(),
                valid.parameters(), Set.of(), valid.audit(), 0);

        assertThatThrownBy(() -> write(() -> store.templates().add(broken))).isInstanceOf(ValidationFailed.class);
        assertThat(read(() -> store.templates().findById(TENANT, "t"))).isEmpty();
    }
}
