package dev.orchestra.application.migration;

import dev.orchestra.application.shared.ConstraintCheck;
import dev.orchestra.domain.agent.Agent;
import dev.orchestra.domain.agent.AgentStatus;
import dev.orchestra.domain.migration.Finding;
import dev.orchestra.domain.migration.LegacyRepositorySummary;
import dev.orchestra.domain.migration.LegacyVisitor;
import dev.orchestra.domain.shared.Violation;
import dev.orchestra.domain.task.Task;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The migration's first pass: every check of every item, every finding with its JSON path; keeps only the
 * agents and the ids the second pass needs.
 */
final class MigrationValidation implements LegacyVisitor {
    private static final Map<String, String> AGENT_FIELD_NAMES = Map.of(
            "statistics.completed", "TasksCompleted", "currentTaskId", "CurrentTaskId");

    private final ConstraintCheck constraints;
    private final LegacyMigration.Options options;
    private final MigrationProgress progress;
    final Map<String, Agent> agents = new LinkedHashMap<>();
    final Map<String, String> summaryNames = new LinkedHashMap<>();
    private final Map<String, LegacyRepositorySummary> summaries = new LinkedHashMap<>();
    private final Set<String> paths = new java.util.LinkedHashSet<>();
    private final Map<String, Integer> taskIndex = new HashMap<>();
    private final Map<String, String[]> referencedAgents = new LinkedHashMap<>();
    private final Map<String, Map<AgentStatus, Integer>> statusesByPath = new HashMap<>();
    private final Map<String, Map<Integer, Integer>> legacyStatusesByPath = new HashMap<>();
    final List<Finding> shownErrors = new ArrayList<>();
    final List<Finding> shownWarnings = new ArrayList<>();
    long tasks;
    long errors;
    long warnings;

    MigrationValidation(ConstraintCheck constraints, LegacyMigration.Options options, MigrationProgress progress) {
        this.constraints = constraints;
        this.options = options;
        this.progress = progress;
    }

    Set<String> repositoryPaths() {
        return paths;
    }

    @Override
    public void repository(LegacyRepositorySummary summary) {
        if (summary.path() == null || summary.path().isBlank()) {
            finding(Finding.error(summary.jsonPath(), "a repository needs a path"));
            return;
        }
        if (summary.path().length() > 500) {
            finding(Finding.error(summary.jsonPath() + ".Path", "longer than 500 characters"));
            return;
        }
        if (summaries.putIfAbsent(summary.path(), summary) != null) {
            warn(summary.jsonPath(), "a second summary for path '" + summary.path() + "'; the first is used");
            return;
        }
        if (summary.name() != null) {
            summaryNames.put(summary.path(), summary.name());
        }
        paths.add(summary.path());
    }

    @Override
    public void agent(Agent agent, String jsonPath, Integer legacyStatus) {
        List<Violation> violations = constraints.violationsOf(agent, "");
        if (!violations.isEmpty()) {
            violations.forEach(v -> finding(Finding.error(jsonPath + "." + legacyName(v.field()), v.message())));
            return;
        }
        if (agents.putIfAbsent(agent.id(), agent) != null) {
            finding(Finding.error(jsonPath, "duplicate agent id '" + agent.id() + "'"));
            return;
        }
        paths.add(agent.repositoryPath());
        statusesByPath.computeIfAbsent(agent.repositoryPath(), p -> new EnumMap<>(AgentStatus.class))
                .merge(agent.status(), 1, Integer::sum);
        if (legacyStatus != null) {
            legacyStatusesByPath.computeIfAbsent(agent.repositoryPath(), p -> new java.util.TreeMap<>())
                    .merge(legacyStatus, 1, Integer::sum);
        }
    }

    @Override
    public void task(Task task, String jsonPath) {
        tasks++;
        List<Violation> violations = constraints.violationsOf(task, "");
        violations.forEach(v -> finding(Finding.error(jsonPath + "." + legacyName(v.field()), v.message())));
        Integer first = taskIndex.putIfAbsent(task.id(), (int) (tasks - 1));
        if (first != null) {
            finding(Finding.error(jsonPath + ".Id", "duplicate task id '" + task.id() + "' (first at "
                    + "$.TaskQueue[" + first + "])"));
        }
        if (task.agentId() != null) {
            referencedAgents.computeIfAbsent(task.agentId(), a -> new String[] {jsonPath + ".AgentId", "0"});
            String[] reference = referencedAgents.get(task.agentId());
            reference[1] = String.valueOf(Long.parseLong(reference[1]) + 1);
        } else if (task.status().isActive()) {
            String message = "the task is " + task.status().name() + " but has no agent";
            if (options.unassignOrphans()) {
                warn(jsonPath + ".AgentId", message + "; it is imported as PENDING (--unassign-orphans)");
            } else {
                finding(Finding.error(jsonPath + ".AgentId", message
                        + " (use --unassign-orphans to import it as PENDING)"));
            }
        }
        if (task.repositoryPath() != null && violations.stream().noneMatch(v -> v.field()
                .equals("repositoryPath"))) {
            paths.add(task.repositoryPath());
        }
    }

    @Override
    public void finding(Finding finding) {
        if (finding.severity() == Finding.Severity.ERROR) {
            errors++;
            if (shownErrors.size() < options.maxFindings()) {
                shownErrors.add(finding);
            }
        } else {
            warnings++;
            if (shownWarnings.size() < options.maxFindings()) {
                shownWarnings.add(finding);
            }
        }
    }

    @Override
    public void progress(long bytesRead) {
        progress.at(bytesRead);
    }

    void warn(String path, String message) {
        finding(Finding.warning(path, message));
    }

    /** The checks that need the whole file: orphans, and the status mapping against the summaries. */
    void finish() {
        referencedAgents.forEach((agentId, reference) -> {
            if (!agents.containsKey(agentId)) {
                String message = reference[1] + " task(s) point at agent '" + agentId
                        + "', which is not in the file";
                if (options.unassignOrphans()) {
                    warn(reference[0], message + "; they are imported unassigned (--unassign-orphans)");
                } else {
                    finding(Finding.error(reference[0], message
                            + " (use --unassign-orphans to import them unassigned)"));
                }
            }
        });
        summaries.forEach((path, summary) -> checkStatusMapping(summary));
    }

    private void checkStatusMapping(LegacyRepositorySummary summary) {
        if (summary.counts().isEmpty()) {
            return;
        }
        Map<AgentStatus, Integer> mapped = statusesByPath.getOrDefault(summary.path(), Map.of());
        Map<String, AgentStatus> meaning = Map.of("IdleCount", AgentStatus.IDLE, "WorkingCount",
                AgentStatus.BUSY, "ErrorCount", AgentStatus.ERROR, "OfflineCount", AgentStatus.OFFLINE);
        StringBuilder differences = new StringBuilder();
        summary.counts().forEach((name, count) -> {
            int actual = mapped.getOrDefault(meaning.get(name), 0);
            if (meaning.containsKey(name) && actual != count) {
                differences.append(differences.length() == 0 ? "" : ", ").append(name).append(' ')
                        .append(count).append(" but the mapping gives ").append(actual);
            }
        });
        if (differences.length() > 0) {
            warn(summary.jsonPath(), "the agent-status mapping disagrees with the summary: " + differences
                    + " (legacy statuses on this path: " + legacyStatusesByPath.getOrDefault(summary.path(),
                    Map.of()) + "; adjust with --agent-status-map)");
        }
    }

    /** A domain property name as the legacy file spells it: {@code repositoryPath} is {@code RepositoryPath}. */
    static String legacyName(String field) {
        String known = AGENT_FIELD_NAMES.get(field);
        if (known != null) {
            return known;
        }
        if (field.isEmpty()) {
            return field;
        }
        return Character.toUpperCase(field.charAt(0)) + field.substring(1);
    }
}
