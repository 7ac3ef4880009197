package dev.orchestra.application.workflow;

import dev.orchestra.application.shared.Caller;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.workflow.WorkflowDefinition;

/** Inbound port: the versions of each workflow definition. */
public interface WorkflowCatalog {
    /**
     * Stores a version of {@code content.name()}: the first of its name, or one higher than its latest
     * (linked to it); the same name and version again is a conflict. The id is generated when null.
     */
    WorkflowDefinition define(Caller caller, String id, WorkflowDefinition.Content content);

    /** A new version of the name of definition {@code fromId}; {@code content.name()} may be left out. */
    WorkflowDefinition newVersion(Caller caller, String fromId, String id, WorkflowDefinition.Content content);

    WorkflowDefinition get(Caller caller, String id);

    /** Filtered by name and active when given; {@code latest} keeps the newest version of each name. */
    Page<WorkflowDefinition> list(Caller caller, String name, Boolean active, boolean latest,
                                  PageRequest<WorkflowDefinition> page);
}
