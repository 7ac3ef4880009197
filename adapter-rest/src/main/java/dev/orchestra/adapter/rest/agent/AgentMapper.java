package dev.orchestra.adapter.rest.agent;

import dev.orchestra.adapter.rest.shared.JsonValues;
import dev.orchestra.application.agent.AgentPeriodStatistics;
import dev.orchestra.application.agent.AgentRegistry;
import dev.orchestra.domain.agent.Agent;
import dev.orchestra.domain.agent.AgentStatistics;
import dev.orchestra.domain.shared.JsonDocument;
import java.time.Duration;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;
import org.mapstruct.factory.Mappers;

/** Agents to and from the wire; a new field nobody maps breaks the build. */
@Mapper(unmappedTargetPolicy = ReportingPolicy.ERROR, imports = JsonValues.class)
public interface AgentMapper {
    AgentMapper INSTANCE = Mappers.getMapper(AgentMapper.class);

    @Mapping(target = "createdAt", source = "audit.createdAt")
    @Mapping(target = "createdBy", source = "audit.createdBy")
    @Mapping(target = "updatedAt", source = "audit.updatedAt")
    @Mapping(target = "updatedBy", source = "audit.updatedBy")
    AgentResponse toResponse(Agent agent);

    @Mapping(target = "successRate", expression = "java(statistics.successRate())")
    @Mapping(target = "averageExecutionTime", expression = "java(text(statistics.averageExecutionTime()))")
    AgentResponse.Statistics toResponse(AgentStatistics statistics);

    @Mapping(target = "successRate", expression = "java(statistics.successRate())")
    AgentResponse.PeriodStatistics toResponse(AgentPeriodStatistics statistics);

    @Mapping(target = "utilisation", expression = "java(load.utilisation())")
    AgentResponse.Load toResponse(AgentRegistry.AgentLoad load);

    @Mapping(target = "configuration",
            expression = "java(JsonValues.document(\"configuration\", request.configuration()))")
    Agent.Registration toRegistration(AgentRequest request);

    default String text(JsonDocument document) {
        return JsonValues.text(document);
    }

    default String text(Duration duration) {
        return JsonValues.text(duration);
    }
}
