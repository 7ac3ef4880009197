package dev.orchestra.domain.workflow;

import dev.orchestra.domain.shared.Digests;
import dev.orchestra.domain.shared.JsonText;
import dev.orchestra.domain.shared.ValidationFailed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules of a definition's steps (ids unique, every dependsOn a step of the same definition, no cycle),
 * each refusal naming the step, and the SHA-256 of the definition's canonical JSON.
 */
public final class StepGraph {
    public static final int MAX_STEPS = 500;
    private static final String FIELD = "definition.steps";

    private StepGraph() {
    }

    public static void check(List<WorkflowStep> steps) {
        if (steps.isEmpty()) {
            throw ValidationFailed.of(FIELD, "must have at least one step");
        }
        if (steps.size() > MAX_STEPS) {
            throw ValidationFailed.of(FIELD, "must have at most " + MAX_STEPS + " steps, not " + steps.size());
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            Integer earlier = index.putIfAbsent(steps.get(i).id(), i);
            if (earlier != null) {
                throw ValidationFailed.of(FIELD + "[" + i + "].id", "step '" + steps.get(i).id()
                        + "' is defined twice (also at steps[" + earlier + "])");
            }
        }
        for (int i = 0; i < steps.size(); i++) {
            WorkflowStep step = steps.get(i);
            Set<String> seen = new HashSet<>();
            for (String dependency : step.dependsOn()) {
                if (!index.containsKey(dependency)) {
                    throw ValidationFailed.of(FIELD + "[" + i + "].dependsOn", "step '" + step.id()
                            + "' depends on '" + dependency + "', which is not a step of this definition");
                }
                if (dependency.equals(step.id())) {
                    throw ValidationFailed.of(FIELD + "[" + i + "].dependsOn", "step '" + step.id()
                            + "' depends on itself");
                }
                if (!seen.add(dependency)) {
                    throw ValidationFailed.of(FIELD + "[" + i + "].dependsOn", "step '" + step.id()
                            + "' lists '" + dependency + "' twice");
                }
            }
        }
        List<String> cycle = findCycle(steps, index);
        if (cycle != null) {
            throw ValidationFailed.of(FIELD + "[" + index.get(cycle.get(0)) + "].dependsOn", "step '" + cycle.get(0)
                    + "' is in a cycle: " + String.join(" -> ", cycle));
        }
    }

    /** A cycle as the steps along it (first repeated at the end), or null; iterative, so deep graphs are fine. */
    private static List<String> findCycle(List<WorkflowStep> steps, Map<String, Integer> index) {
        int[] state = new int[steps.size()]; // 0 unseen, 1 on the current path, 2 done
        int[] parent = new int[steps.size()];
        for (int start = 0; start < steps.size(); start++) {
            if (state[start] != 0) {
                continue;
            }
            List<int[]> stack = new ArrayList<>(); // {node, next dependency to look at}
            stack.add(new int[] {start, 0});
            state[start] = 1;
            parent[start] = -1;
            while (!stack.isEmpty()) {
                int[] top = stack.get(stack.size() - 1);
                List<String> deps = steps.get(top[0]).dependsOn();
                if (top[1] == deps.size()) {
                    state[top[0]] = 2;
                    stack.remove(stack.size() - 1);
                    continue;
                }
                int next = index.get(deps.get(top[1]++));
                if (state[next] == 1) {
                    List<String> path = new ArrayList<>();
                    path.add(steps.get(next).id());
                    for (int at = top[0]; at != next; at = parent[at]) {
                        path.add(1, steps.get(at).id());
                    }
                    path.add(steps.get(next).id());
                    return path;
                }
                if (state[next] == 0) {
                    state[next] = 1;
                    parent[next] = top[0];
                    stack.add(new int[] {next, 0});
                }
            }
        }
        return null;
    }

    /**
     * The canonical JSON of a definition ({@code {"steps":[...]}}): members in code-point order, no
     * whitespace, absent members left out, strings escaped as {@link JsonText#quote} does.
     */
    public static String canonicalJson(List<WorkflowStep> steps) {
        StringBuilder out = new StringBuilder("{\"steps\":[");
        for (int i = 0; i < steps.size(); i++) {
            WorkflowStep s = steps.get(i);
            out.append(i == 0 ? "{" : ",{");
            if (s.command() != null) {
                out.append("\"command\":");
                JsonText.quote(out, s.command());
                out.append(',');
            }
            out.append("\"dependsOn\":[");
            for (int d = 0; d < s.dependsOn().size(); d++) {
                if (d > 0) {
                    out.append(',');
                }
                JsonText.quote(out, s.dependsOn().get(d));
            }
            out.append("],\"id\":");
            JsonText.quote(out, s.id());
            out.append(",\"type\":");
            JsonText.quote(out, s.type());
            out.append('}');
        }
        return out.append("]}").toString();
    }

    /** SHA-256 of the canonical JSON's UTF-8 bytes, as 64 lower-case hex digits. */
    public static String contentHash(List<WorkflowStep> steps) {
        return Digests.sha256(canonicalJson(steps));
    }

    /** The steps listed before {@code stepId} (the ones a fork from it copies). */
    public static Set<String> before(List<WorkflowStep> steps, String stepId) {
        Set<String> ids = new TreeSet<>();
        for (WorkflowStep s : steps) {
            if (s.id().equals(stepId)) {
                return ids;
            }
            ids.add(s.id());
        }
        throw ValidationFailed.of("fromStepId", "'" + stepId + "' is not a step of this definition");
    }
}
