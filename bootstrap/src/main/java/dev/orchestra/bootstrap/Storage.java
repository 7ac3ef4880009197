package dev.orchestra.bootstrap;

import dev.orchestra.domain.agent.Agents;
import dev.orchestra.domain.audit.AuditTrail;
import dev.orchestra.domain.preference.Preferences;
import dev.orchestra.domain.repository.CodeRepositories;
import dev.orchestra.domain.shared.UnitOfWork;
import dev.orchestra.domain.task.Tasks;

/** The ports of whichever store was configured, and how to close it. */
public interface Storage extends AutoCloseable {
    String description();

    UnitOfWork unitOfWork();

    Agents agents();

    Tasks tasks();

    CodeRepositories repositories();

    Preferences preferences();

    AuditTrail auditTrail();

    @Override
    void close();
}
