package dev.orchestra.domain.chat;

import dev.orchestra.domain.shared.JsonDocument;
import dev.orchestra.domain.shared.JsonSize;
import dev.orchestra.domain.shared.SingleLine;
import dev.orchestra.domain.shared.StorableText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/** What a user or the orchestrator notes about a conversation. */
public record SessionMetadata(
        @NotNull @Size(max = 100) Set<@NotBlank @SingleLine @Size(max = 100) String> tags,
        @StorableText @Size(max = 10_000) String summary,
        @JsonSize(max = JsonSize.SETTINGS) JsonDocument customData) {
    public static final SessionMetadata NONE = new SessionMetadata(Set.of(), null, null);

    public SessionMetadata {
        tags = tags == null ? Set.of() : Collections.unmodifiableSortedSet(new TreeSet<>(tags));
    }
}
