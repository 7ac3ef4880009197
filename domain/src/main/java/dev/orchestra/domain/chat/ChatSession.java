package dev.orchestra.domain.chat;

import dev.orchestra.domain.agent.Agent;
import dev.orchestra.domain.shared.NonNegativeDuration;
import dev.orchestra.domain.shared.SingleLine;
import dev.orchestra.domain.shared.StorableText;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.shared.ValidationFailed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One conversation. {@link #messageCount} is the sequence number of its last message: the next message is
 * numbered one more, in the same unit of work that stores it, so numbers have no gap and no duplicate
 * whatever the concurrency. Cost is a decimal, never a float.
 */
public record ChatSession(
        @NotNull TenantId tenantId,
        @NotBlank @Size(max = 128) @Pattern(regexp = Agent.ID_PATTERN, message = Agent.ID_MESSAGE) String id,
        @NotBlank @StorableText @Size(max = 500) String title,
        @StorableText @Size(max = 10_000) String description,
        @NotBlank @SingleLine @Size(max = 128) String userId,
        @SingleLine @Size(max = 128) String agentId,
        @NotNull SessionStatus status,
        @SingleLine @Size(max = 200) String model,
        @SingleLine @Size(max = 200) String provider,
        @NotNull Instant createdAt,
        @NotNull Instant lastModifiedAt,
        @PositiveOrZero long totalTokensUsed,
        @NotNull BigDecimal estimatedCost,
        @NotNull @NonNegativeDuration Duration totalDuration,
        @NotNull @Valid SessionMetadata metadata,
        @PositiveOrZero long messageCount,
        long version) {
    public static final String ENTITY = "ChatSession";
    /** Dollars to the millionth of a cent: enough for any per-token price, and exact. */
    public static final int COST_SCALE = 8;
    public static final BigDecimal MAX_COST = new BigDecimal("1000000000");

    public ChatSession {
        Objects.requireNonNull(tenantId, "tenantId");
        metadata = metadata == null ? SessionMetadata.NONE : metadata;
        estimatedCost = estimatedCost == null ? BigDecimal.ZERO : estimatedCost;
        if (estimatedCost.signum() < 0 || estimatedCost.compareTo(MAX_COST) > 0) {
            throw ValidationFailed.of("estimatedCost", "must be between 0 and " + MAX_COST + ", not " + estimatedCost);
        }
        if (estimatedCost.scale() > COST_SCALE) {
            throw ValidationFailed.of("estimatedCost", "must have at most " + COST_SCALE + " decimal places");
        }
        // One scale, so a value reads back equal to what was stored whichever store keeps it.
        estimatedCost = estimatedCost.setScale(COST_SCALE);
    }

    /** What a client gives for a new session, or to change one; null keeps the value. */
    public record Details(String title, String description, String userId, String agentId, SessionStatus status,
                          String model, String provider, BigDecimal estimatedCost, Duration totalDuration,
                          SessionMetadata metadata) {
    }

    public static ChatSession open(TenantId tenant, String id, Details d, Instant now) {
        return new ChatSession(tenant, id, d.title(), d.description(), d.userId(), d.agentId(),
                d.status() == null ? SessionStatus.ACTIVE : d.status(), d.model(), d.provider(), now, now, 0,
                d.estimatedCost(), d.totalDuration() == null ? Duration.ZERO : d.totalDuration(), d.metadata(), 0, 0);
    }

    /** The session with the given details changed; the owner and the counters stay. */
    public ChatSession with(Details d, Instant now) {
        if (d.userId() != null && !d.userId().equals(userId)) {
            throw ValidationFailed.of("userId", "a session keeps its user ('" + userId + "')");
        }
        return new ChatSession(tenantId, id, d.title() == null ? title : d.title(),
                d.description() == null ? description : d.description(), userId,
                d.agentId() == null ? agentId : d.agentId(), d.status() == null ? status : d.status(),
                d.model() == null ? model : d.model(), d.provider() == null ? provider : d.provider(), createdAt,
                now, totalTokensUsed, d.estimatedCost() == null ? estimatedCost : d.estimatedCost(),
                d.totalDuration() == null ? totalDuration : d.totalDuration(),
                d.metadata() == null ? metadata : d.metadata(), messageCount, version);
    }

    /** After one more message: its number taken, its tokens counted, modified now. */
    public ChatSession appended(long tokens, Instant now) {
        return new ChatSession(tenantId, id, title, description, userId, agentId, status, model, provider, createdAt,
                now, Math.addExact(totalTokensUsed, tokens), estimatedCost, totalDuration, metadata,
                messageCount + 1, version);
    }

    /** A message's token count changed (a streamed answer finished): the total follows. */
    public ChatSession retokened(long delta, Instant now) {
        return new ChatSession(tenantId, id, title, description, userId, agentId, status, model, provider, createdAt,
                now, Math.max(0, Math.addExact(totalTokensUsed, delta)), estimatedCost, totalDuration, metadata,
                messageCount, version);
    }

    public ChatSession withVersion(long newVersion) {
        return new ChatSession(tenantId, id, title, description, userId, agentId, status, model, provider, createdAt,
                lastModifiedAt, totalTokensUsed, estimatedCost, totalDuration, metadata, messageCount, newVersion);
    }
}
