package dev.orchestra.adapter.rest.chat;

import dev.orchestra.adapter.rest.shared.JsonValues;
import dev.orchestra.application.chat.ChatHistory;
import dev.orchestra.application.chat.ChatTools;
import dev.orchestra.domain.chat.Approval;
import dev.orchestra.domain.chat.ChatHit;
import dev.orchestra.domain.chat.ChatMessage;
import dev.orchestra.domain.chat.ChatSession;
import dev.orchestra.domain.chat.ChatStatistics;
import dev.orchestra.domain.chat.SessionMetadata;
import dev.orchestra.domain.chat.MessageAttachment;
import dev.orchestra.domain.chat.ToolCall;
import dev.orchestra.domain.chat.ToolExecution;
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

    @Mapping(target = "approval", expression = "java(approval(execution.approval()))")
    ChatResponses.ToolExecution toResponse(ToolExecution execution);

    default ChatResponses.Approval approval(Approval a) {
        return a == null ? new ChatResponses.Approval(false, null, null, null, null, null, null, null)
                : new ChatResponses.Approval(true, a.requestedAt(), a.argumentsSha256(), a.expiresAt(), a.decision(),
                a.by(), a.at(), a.reason());
    }

    @Mapping(target = "input", expression = "java(JsonValues.document(\"input\", request.input()))")
    ToolExecution.Request toRequest(ChatRequests.ToolExecution request);

    @Mapping(target = "output", expression = "java(JsonValues.document(\"output\", request.output()))")
    ToolExecution.Progress toProgress(ChatRequests.ToolExecutionUpdate request);

    ChatTools.Decision toDecision(ChatRequests.Decision request);

    ChatResponses.Attachment toResponse(MessageAttachment attachment);

    default String text(JsonDocument document) {
        return JsonValues.text(document);
    }
}
