package dev.orchestra.adapter.rest.template;

import dev.orchestra.domain.template.TemplateParameter;
import dev.orchestra.domain.template.TemplateStep;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A task template on the wire; {@code version} is the optimistic version (ETag), {@code templateVersion} its semver. */
public record TemplateResponse(String id, String name, String description, String category, String templateVersion,
                               boolean publicTemplate, List<TemplateStep> steps,
                               Map<String, TemplateParameter> parameters, Set<String> tags, Instant createdAt,
                               String createdBy, Instant updatedAt, String updatedBy, long version) {
}
