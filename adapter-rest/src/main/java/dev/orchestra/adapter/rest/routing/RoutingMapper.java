package dev.orchestra.adapter.rest.routing;

import dev.orchestra.application.routing.RoutingAudit;
import dev.orchestra.domain.routing.RoutingCandidate;
import dev.orchestra.domain.routing.RoutingDecision;
import dev.orchestra.domain.routing.RoutingOutcome;
import dev.orchestra.domain.routing.RoutingStatistics;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;
import org.mapstruct.factory.Mappers;

/** Routing records to and from the wire; a new field nobody maps breaks the build. */
@Mapper(unmappedTargetPolicy = ReportingPolicy.ERROR)
public interface RoutingMapper {
    RoutingMapper INSTANCE = Mappers.getMapper(RoutingMapper.class);

    RoutingResponses.Decision toResponse(RoutingDecision decision);

    RoutingResponses.Candidate toResponse(RoutingCandidate candidate);

    RoutingResponses.Outcome toResponse(RoutingOutcome outcome);

    @Mapping(target = "successRate", expression = "java(statistics.successRate())")
    @Mapping(target = "averageDuration", expression = "java(statistics.averageDuration())")
    RoutingResponses.Statistics toResponse(RoutingStatistics statistics);

    RoutingResponses.Counted toResponse(RoutingAudit.Counted counted);

    RoutingResponses.Drift toResponse(RoutingAudit.Drift drift);

    RoutingResponses.DriftReport toResponse(RoutingAudit.DriftReport report);

    RoutingResponses.Recalculation toResponse(RoutingAudit.Recalculation recalculation);

    @Mapping(target = "retryAttempts", defaultValue = "0")
    RoutingAudit.NewDecision toNew(RoutingRequests.Decision request);

    RoutingCandidate toCandidate(RoutingRequests.Candidate request);

    RoutingAudit.Outcome toOutcome(RoutingRequests.Outcome request);
}
