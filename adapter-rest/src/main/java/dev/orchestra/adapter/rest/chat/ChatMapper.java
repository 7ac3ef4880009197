package dev.orchestra.adapter.rest.chat;

import dev.orchestra.adapter.rest.shared.JsonValues;
import dev.orchestra.application.chat.ChatHistory;
import dev.orchestra.domain.chat.ChatHit;
import dev.orchestra.domain.chat.ChatMessage;
import dev.orchestra.domain.chat.ChatSession;
import dev.orchestra.domain.chat.ChatStatistics;
import dev.orchestra.domain.chat.SessionMetadata;
import dev.orchestra.domain.chat.ToolCall;
import dev.orchestra.domain.shared.JsonDocument;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;
import org.mapstruct.factory.Mappers;

/** Chat records to and from the wire; a new field nobody maps breaks the build. */
@Mapper(unmappedTargetPolicy = ReportingPolicy.ERROR, imports = JsonValues.class)
public interface ChatMapper {
    ChatMapper INSTANCE = Mappers.getMapper(ChatMapper.class);

    ChatResponses.Session toResponse(ChatSession session);

    ChatResponses.Metadata toResponse(SessionMetadata metadata);

    ChatResponses.Message toResponse(ChatMessage message);

    ChatResponses.Hit toResponse(ChatHit hit);

    ChatResponses.ToolCall toResponse(ToolCall call);

    @Mapping(target = "arguments", expression = "java(JsonValues.document(\"arguments\", request.arguments()))")
    @Mapping(target = "result", expression = "java(JsonValues.document(\"result\", request.result()))")
    ToolCall.Report toReport(ChatRequests.ToolCallReport request);

    ChatResponses.SessionStatistics toResponse(ChatStatistics.OfSession statistics);

    ChatResponses.UserStatistics toResponse(ChatStatistics.OfUser statistics);

    ChatSession.Details toDetails(ChatRequests.Session request);

    @Mapping(target = "customData", expression = "java(JsonValues.document(\"metadata.customData\", "
            + "request.customData()))")
    SessionMetadata toMetadata(ChatRequests.Metadata request);

    ChatMessage.NewMessage toNew(ChatRequests.Message request);

    ChatHistory.MessageUpdate toUpdate(ChatRequests.MessageUpdate request);

    default String text(JsonDocument document) {
        return JsonValues.text(document);
    }
}
