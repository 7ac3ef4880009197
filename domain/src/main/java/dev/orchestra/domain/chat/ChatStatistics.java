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
     * message to the assistant message right after it ({@code responses} such pairs; zero when none).
     */
    public record OfSession(String sessionId, long messages, Map<MessageRole, Long> messagesByRole, long tokens,
                            BigDecimal estimatedCost, long responses, Duration averageResponseTime) {
        public OfSession {
            messagesByRole = Map.copyOf(messagesByRole);
        }
    }

    /** One user's sessions: counts, tokens, cost, the first and last session, sessions per model. */
    public record OfUser(String userId, long sessions, long messages, long tokens, BigDecimal estimatedCost,
                         Instant firstSessionAt, Instant lastSessionAt, Map<String, Long> sessionsByModel) {
        public OfUser {
            sessionsByModel = Map.copyOf(sessionsByModel);
        }
    }
}
