package dev.orchestra.adapter.rest.repository;

import dev.orchestra.adapter.rest.shared.JsonValues;
import dev.orchestra.domain.repository.CodeRepository;
import dev.orchestra.domain.repository.RepositoryStatistics;
import dev.orchestra.domain.shared.JsonDocument;
import java.time.Duration;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;
import org.mapstruct.factory.Mappers;

/** Repositories to and from the wire; a new field nobody maps breaks the build. */
@Mapper(unmappedTargetPolicy = ReportingPolicy.ERROR, imports = JsonValues.class)
public interface RepositoryMapper {
    RepositoryMapper INSTANCE = Mappers.getMapper(RepositoryMapper.class);

    @Mapping(target = "createdAt", source = "audit.createdAt")
    @Mapping(target = "createdBy", source = "audit.createdBy")
    @Mapping(target = "updatedAt", source = "audit.updatedAt")
    @Mapping(target = "updatedBy", source = "audit.updatedBy")
    RepositoryResponse toResponse(CodeRepository repository);

    @Mapping(target = "averageTaskDuration", expression = "java(text(statistics.averageTaskDuration()))")
    RepositoryResponse.Statistics toResponse(RepositoryStatistics statistics);

    @Mapping(target = "settings", expression = "java(JsonValues.document(\"settings\", request.settings()))")
    CodeRepository.Details toDetails(RepositoryRequest request);

    default String text(JsonDocument document) {
        return JsonValues.text(document);
    }

    default String text(Duration duration) {
        return JsonValues.text(duration);
    }
}
