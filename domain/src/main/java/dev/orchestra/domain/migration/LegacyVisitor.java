package dev.orchestra.domain.migration;

import dev.orchestra.domain.agent.Agent;
import dev.orchestra.domain.task.Task;

/**
 * Receives a legacy document as it is read, item by item, in document order; nothing is held in
 * memory by the reader. An item that cannot become a domain object arrives as an error finding instead.
 */
public interface LegacyVisitor {
    void repository(LegacyRepositorySummary summary);

    /** {@code legacyStatus} is the status as written (a number, or null when a name was written). */
    void agent(Agent agent, String jsonPath, Integer legacyStatus);

    void task(Task task, String jsonPath);

    void finding(Finding finding);

    /** How far the reader is, in bytes of the file. */
    default void progress(long bytesRead) {
    }
}
