package dev.orchestra.adapter.rest.resilience;

import dev.orchestra.application.resilience.Resilience;
import dev.orchestra.domain.resilience.CircuitBreaker;
import dev.orchestra.domain.resilience.CircuitTransition;
import org.mapstruct.Mapper;
import org.mapstruct.ReportingPolicy;
import org.mapstruct.factory.Mappers;

/** Circuit breakers to and from the wire; a new field nobody maps breaks the build. */
@Mapper(unmappedTargetPolicy = ReportingPolicy.ERROR)
public interface CircuitMapper {
    CircuitMapper INSTANCE = Mappers.getMapper(CircuitMapper.class);

    CircuitResponses.Breaker toResponse(CircuitBreaker breaker);

    CircuitResponses.Transition toResponse(CircuitTransition transition);

    Resilience.BreakerState toState(CircuitRequests.State request);
}
