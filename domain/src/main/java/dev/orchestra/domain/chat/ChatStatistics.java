package dev.orchestra.domain.chat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Figures over chat history, computed by the store (aggregates, not every message loaded). */
public final class ChatStatistics {
    private ChatStatistics() {
    }

    /**
     * One session: its messages by role, the tokens they carry, its cost, and the average time from a user
     * message to the assistant message right after it ({@code responses} such pairs; zero when none), and
     * its tool calls by tool name.
     */
    public record OfSession(String sessionId, long messages, Map<MessageRole, Long> messagesByRole, long tokens,
                            BigDecimal estimatedCost, long responses, Duration averageResponseTime,
                            Map<String, Long> toolUsage) {
        public OfSession {
            messagesByRole = Map.copyOf(messagesByRole);
            toolUsage = Map.copyOf(toolUsage);
        }
    }

    /**
     * One user's sessions: counts, tokens, cost, the first and last session, sessions per model, and the
     * {@link #TOP_TOOLS} tools called most in them (calls per tool).
     */
    public record OfUser(String userId, long sessions, long messages, long tokens, BigDecimal estimatedCost,
                         Instant firstSessionAt, Instant lastSessionAt, Map<String, Long> sessionsByModel,
                         Map<String, Long> topTools) {
        public OfUser {
            sessionsByModel = Map.copyOf(sessionsByModel);
            topTools = Map.copyOf(topTools);
        }
    }

    public static final int TOP_TOOLS = 10;
}
