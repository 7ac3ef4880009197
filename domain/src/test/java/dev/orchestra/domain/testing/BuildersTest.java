package dev.orchestra.domain.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.domain.agent.AgentStatus;
import dev.orchestra.domain.preference.PreferenceScope;
import dev.orchestra.domain.task.TaskProgress;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class BuildersTest {
    private static final Map<Class<?>, Object> SAMPLES = Map.of(
            String.class, "sample", int.class, 7, double.class, 0.5, Instant.class, TestData.T0.plusSeconds(5),
            AgentStatus.class, AgentStatus.BUSY, TaskProgress.class, new TaskProgress(50, "half", TestData.T0),
            dev.orchestra.domain.shared.TenantId.class, TestData.OTHER_TENANT,
            dev.orchestra.domain.preference.ValueType.class, dev.orchestra.domain.preference.ValueType.JSON);

    private static final List<Supplier<? extends Builders.Builder<?, ?>>> BUILDERS = List.of(
            () -> Builders.anAgent("a", "/r"), () -> Builders.aTask("t", "/r"), () -> Builders.aCompletedTask("t"),
            () -> Builders.aRepository("r", "/r"),
            () -> Builders.aPreference("p", PreferenceScope.user("u"), "k", "v"), () -> Builders.aTemplate("tpl"));

    @Test
    void givenEveryBuilder_eachSetter_changesTheComponentOfItsOwnNameAndNothingElse() throws Exception {
        int setters = 0;
        for (Supplier<? extends Builders.Builder<?, ?>> make : BUILDERS) {
            Record start = make.get().build();
            for (Method setter : make.get().getClass().getMethods()) {
                if (!Builders.Builder.class.isAssignableFrom(setter.getReturnType()) || setter.getParameterCount() != 1
                        || Modifier.isStatic(setter.getModifiers())) {
                    continue;
                }
                Object sample = SAMPLES.get(setter.getParameterTypes()[0]);
                assertThat(sample).as("a sample value for %s", setter).isNotNull();
                Record built = ((Builders.Builder<?, ?>) setter.invoke(make.get(), sample)).build();
                for (RecordComponent component : start.getClass().getRecordComponents()) {
                    Object value = component.getAccessor().invoke(built);
                    if (component.getName().equals(setter.getName())) {
                        assertThat(value).as(setter.toString()).isEqualTo(sample);
                    } else {
                        assertThat(value).as("%s leaves %s", setter, component.getName())
                                .isEqualTo(component.getAccessor().invoke(start));
                    }
                }
                setters++;
            }
        }
        assertThat(setters).as("setters checked").isGreaterThanOrEqualTo(20);
    }
}
