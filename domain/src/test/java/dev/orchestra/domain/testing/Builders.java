package dev.orchestra.domain.testing;

import dev.orchestra.domain.agent.Agent;
import dev.orchestra.domain.agent.AgentStatus;
import dev.orchestra.domain.preference.PreferenceScope;
import dev.orchestra.domain.preference.UserPreference;
import dev.orchestra.domain.preference.ValueType;
import dev.orchestra.domain.repository.CodeRepository;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.task.Task;
import dev.orchestra.domain.task.TaskProgress;
import dev.orchestra.domain.template.TaskTemplate;
import java.time.Instant;

/**
 * Builders for the aggregates tests vary: each starts from a valid {@link TestData} mother and changes
 * one field per call, checked by the aggregate's constructor at {@code build()} time (as the store would).
 * {@code BuildersTest} proves every setter reaches the component of its own name.
 */
public final class Builders {
    private Builders() {
    }

    public static AgentBuilder anAgent(String id, String path) {
        return new AgentBuilder(TestData.agent(id, path));
    }

    public static TaskBuilder aTask(String id, String path) {
        return new TaskBuilder(TestData.task(id, path));
    }

    /** A finished task with every optional field set. */
    public static TaskBuilder aCompletedTask(String id) {
        return new TaskBuilder(TestData.completedTask(id, null));
    }

    public static RepositoryBuilder aRepository(String id, String path) {
        return new RepositoryBuilder(TestData.repository(id, path));
    }

    public static PreferenceBuilder aPreference(String id, PreferenceScope scope, String key, String value) {
        return new PreferenceBuilder(TestData.preference(id, scope, key, value));
    }

    public static TemplateBuilder aTemplate(String id) {
        return new TemplateBuilder(TestData.template(id));
    }

    /** The part every builder shares: the aggregate so far, one component replaced per call. */
    public abstract static class Builder<R extends Record, B extends Builder<R, B>> {
        private R value;

        Builder(R start) {
            this.value = start;
        }

        @SuppressWarnings("unchecked")
        B set(String component, Object newValue) {
            value = Records.with(value, component, newValue);
            return (B) this;
        }

        public B tenantId(TenantId tenant) {
            return set("tenantId", tenant);
        }

        public R build() {
            return value;
        }
    }

    public static final class AgentBuilder extends Builder<Agent, AgentBuilder> {
        AgentBuilder(Agent start) {
            super(start);
        }

        public AgentBuilder name(String name) {
            return set("name", name);
        }

        public AgentBuilder repositoryPath(String path) {
            return set("repositoryPath", path);
        }

        public AgentBuilder repositoryId(String repositoryId) {
            return set("repositoryId", repositoryId);
        }

        public AgentBuilder status(AgentStatus status) {
            return set("status", status);
        }

        public AgentBuilder lastPing(Instant lastPing) {
            return set("lastPing", lastPing);
        }

        public AgentBuilder maxConcurrentTasks(int tasks) {
            return set("maxConcurrentTasks", tasks);
        }
    }

    public static final class TaskBuilder extends Builder<Task, TaskBuilder> {
        TaskBuilder(Task start) {
            super(start);
        }

        public TaskBuilder command(String command) {
            return set("command", command);
        }

        public TaskBuilder repositoryPath(String path) {
            return set("repositoryPath", path);
        }

        public TaskBuilder result(String result) {
            return set("result", result);
        }

        public TaskBuilder retryCount(int retries) {
            return set("retryCount", retries);
        }

        public TaskBuilder progress(TaskProgress progress) {
            return set("progress", progress);
        }
    }

    public static final class RepositoryBuilder extends Builder<CodeRepository, RepositoryBuilder> {
        RepositoryBuilder(CodeRepository start) {
            super(start);
        }

        public RepositoryBuilder name(String name) {
            return set("name", name);
        }

        public RepositoryBuilder description(String description) {
            return set("description", description);
        }

        public RepositoryBuilder reliabilityScore(double score) {
            return set("reliabilityScore", score);
        }
    }

    public static final class PreferenceBuilder extends Builder<UserPreference, PreferenceBuilder> {
        PreferenceBuilder(UserPreference start) {
            super(start);
        }

        public PreferenceBuilder key(String key) {
            return set("key", key);
        }

        public PreferenceBuilder value(String value) {
            return set("value", value);
        }

        public PreferenceBuilder valueType(ValueType type) {
            return set("valueType", type);
        }
    }

    public static final class TemplateBuilder extends Builder<TaskTemplate, TemplateBuilder> {
        TemplateBuilder(TaskTemplate start) {
            super(start);
        }

        public TemplateBuilder name(String name) {
            return set("name", name);
        }

        public TemplateBuilder templateVersion(String version) {
            return set("templateVersion", version);
        }
    }
}
