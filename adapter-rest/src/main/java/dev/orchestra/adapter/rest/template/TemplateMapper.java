package dev.orchestra.adapter.rest.template;

import dev.orchestra.domain.template.TaskTemplate;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;
import org.mapstruct.factory.Mappers;

/** Templates to and from the wire; a new field nobody maps breaks the build. */
@Mapper(unmappedTargetPolicy = ReportingPolicy.ERROR)
public interface TemplateMapper {
    TemplateMapper INSTANCE = Mappers.getMapper(TemplateMapper.class);

    @Mapping(target = "createdAt", source = "audit.createdAt")
    @Mapping(target = "createdBy", source = "audit.createdBy")
    @Mapping(target = "updatedAt", source = "audit.updatedAt")
    @Mapping(target = "updatedBy", source = "audit.updatedBy")
    TemplateResponse toResponse(TaskTemplate template);

    TaskTemplate.Details toDetails(TemplateRequests.Template request);
}
