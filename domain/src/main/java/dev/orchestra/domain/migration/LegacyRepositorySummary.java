package dev.orchestra.domain.migration;

import java.util.Map;

/**
 * An entry of the legacy {@code Repositories} object: its name, its path (the identity) and the
 * derived agent counts ({@code IdleCount}, {@code WorkingCount}, {@code ErrorCount}, {@code OfflineCount}),
 * which serve only to check the agent-status mapping.
 */
public record LegacyRepositorySummary(String jsonPath, String name, String path, Map<String, Integer> counts) {
    public LegacyRepositorySummary {
        counts = Map.copyOf(counts);
    }
}
