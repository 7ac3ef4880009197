package dev.orchestra.adapter.json;

import dev.orchestra.domain.shared.Conflict;

/** The foreign keys the SQLite schema enforces, checked by hand over the JSON state. */
final class References {
    private References() {
    }

    static void requireRepository(JsonState.TenantData data, String repositoryId, String who) {
        if (repositoryId != null && !data.repositories.containsKey(repositoryId)) {
            throw new Conflict(who + ": it refers to a missing row or is still referred to (repository '"
                    + repositoryId + "')");
        }
    }

    static void requireAgent(JsonState.TenantData data, String agentId, String who) {
        if (agentId != null && !data.agents.containsKey(agentId)) {
            throw new Conflict(who + ": it refers to a missing row or is still referred to (agent '"
                    + agentId + "')");
        }
    }
}
