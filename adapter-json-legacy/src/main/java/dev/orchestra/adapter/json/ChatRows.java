package dev.orchestra.adapter.json;

import dev.orchestra.domain.chat.Approval;
import dev.orchestra.domain.chat.ApprovalDecision;
import dev.orchestra.domain.chat.ChatMessage;
import dev.orchestra.domain.chat.MessageAttachment;
import dev.orchestra.domain.chat.ToolExecution;
import dev.orchestra.domain.chat.ToolExecutionStatus;
import dev.orchestra.domain.chat.ChatSession;
import dev.orchestra.domain.chat.MessageRole;
import dev.orchestra.domain.chat.MessageStatus;
import dev.orchestra.domain.chat.SessionMetadata;
import dev.orchestra.domain.chat.SessionStatus;
import dev.orchestra.domain.chat.ToolCall;
import dev.orchestra.domain.shared.JsonDocument;
import dev.orchestra.domain.shared.TenantId;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashSet;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Chat sessions and messages as rows of the {@code Orchestra} section (see {@link StoreRows}). */
final class ChatRows {
    private final ObjectMapper mapper;

    ChatRows(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectNode session(ChatSession s) {
        ObjectNode n = mapper.createObjectNode();
        n.put("TenantId", s.tenantId().value());
        n.put("Id", s.id());
        n.put("Title", s.title());
        n.put("Description", s.description());
        n.put("UserId", s.userId());
        n.put("AgentId", s.agentId());
        n.put("Status", s.status().name());
        n.put("Model", s.model());
        n.put("Provider", s.provider());
        n.put("CreatedAt", LegacyValues.time(s.createdAt()));
        n.put("LastModifiedAt", LegacyValues.time(s.lastModifiedAt()));
        n.put("TotalTokensUsed", s.totalTokensUsed());
        // Text, so the decimal reads back exactly.
        n.put("EstimatedCost", s.estimatedCost().toPlainString());
        n.put("TotalDuration", s.totalDuration().toString());
        ArrayNode tags = n.putArray("Tags");
        s.metadata().tags().forEach(tags::add);
        n.put("Summary", s.metadata().summary());
        n.put("CustomData", s.metadata().customData() == null ? null : s.metadata().customData().json());
        n.put("MessageCount", s.messageCount());
        n.put("Version", s.version());
        return n;
    }

    ChatSession session(JsonProps n) {
        String custom = n.text("CustomData", null);
        return new ChatSession(new TenantId(n.text("TenantId", TenantId.DEFAULT.value())), n.text("Id", null),
                n.text("Title", null), n.text("Description", null), n.text("UserId", null), n.text("AgentId", null),
                SessionStatus.valueOf(n.text("Status", SessionStatus.ACTIVE.name())), n.text("Model", null),
                n.text("Provider", null), n.time("CreatedAt"), n.time("LastModifiedAt"), n.number("TotalTokensUsed", 0),
                new BigDecimal(n.text("EstimatedCost", "0")), n.duration("TotalDuration", Duration.ZERO),
                new SessionMetadata(new LinkedHashSet<>(n.strings("Tags")), n.text("Summary", null),
                        custom == null ? null : new JsonDocument(custom)), n.number("MessageCount", 0),
                n.number("Version", 0));
    }

    ObjectNode toolCall(ToolCall c) {
        ObjectNode n = mapper.createObjectNode();
        n.put("TenantId", c.tenantId().value());
        n.put("Id", c.id());
        n.put("MessageId", c.messageId());
        n.put("SessionId", c.sessionId());
        n.put("Name", c.name());
        n.put("Arguments", c.arguments().json());
        n.put("Result", c.result() == null ? null : c.result().json());
        n.put("Success", c.success());
        n.put("Error", c.error());
        n.put("ExecutedAt", LegacyValues.time(c.executedAt()));
        n.put("Duration", c.duration().toString());
        return n;
    }

    ToolCall toolCall(JsonProps n) {
        String result = n.text("Result", null);
        return new ToolCall(new TenantId(n.text("TenantId", TenantId.DEFAULT.value())), n.text("Id", null),
                n.text("MessageId", null), n.text("SessionId", null), n.text("Name", null),
                new JsonDocument(n.text("Arguments", "{}")), result == null ? null : new JsonDocument(result),
                n.bool("Success", false), n.text("Error", null), n.time("ExecutedAt"),
                n.duration("Duration", Duration.ZERO));
    }

    ObjectNode message(ChatMessage m) {
        ObjectNode n = mapper.createObjectNode();
        n.put("TenantId", m.tenantId().value());
        n.put("Id", m.id());
        n.put("SessionId", m.sessionId());
        n.put("Role", m.role().name());
        n.put("Content", m.content());
        n.put("Timestamp", LegacyValues.time(m.timestamp()));
        n.put("TokenCount", m.tokenCount());
        n.put("SequenceNumber", m.sequenceNumber());
        n.put("ParentMessageId", m.parentMessageId());
        n.put("ToolCallId", m.toolCallId());
        n.put("Status", m.status().name());
        n.put("Error", m.error());
        n.put("Version", m.version());
        return n;
    }

    ChatMessage message(JsonProps n) {
        return new ChatMessage(new TenantId(n.text("TenantId", TenantId.DEFAULT.value())), n.text("Id", null),
                n.text("SessionId", null), MessageRole.valueOf(n.text("Role", null)), n.text("Content", ""),
                n.time("Timestamp"), (int) n.number("TokenCount", 0), n.number("SequenceNumber", 1),
                n.text("ParentMessageId", null), n.text("ToolCallId", null),
                MessageStatus.valueOf(n.text("Status", MessageStatus.COMPLETED.name())), n.text("Error", null),
                n.number("Version", 0));
    }

    /** The input and output as JSON text, exactly as stored: the approval's digest is of that text. */
    ObjectNode execution(ToolExecution e) {
        ObjectNode n = mapper.createObjectNode();
        n.put("TenantId", e.tenantId().value());
        n.put("Id", e.id());
        n.put("SessionId", e.sessionId());
        n.put("ToolCallId", e.toolCallId());
        n.put("ToolName", e.toolName());
        n.put("Input", e.input().json());
        n.put("Output", e.output() == null ? null : e.output().json());
        n.put("AgentId", e.agentId());
        n.put("Status", e.status().name());
        n.put("Error", e.error());
        n.put("CreatedAt", LegacyValues.time(e.createdAt()));
        n.put("StartedAt", LegacyValues.time(e.startedAt()));
        n.put("CompletedAt", LegacyValues.time(e.completedAt()));
        n.put("Duration", e.duration() == null ? null : e.duration().toString());
        Approval a = e.approval();
        if (a != null) {
            ObjectNode approval = n.putObject("Approval");
            approval.put("RequestedAt", LegacyValues.time(a.requestedAt()));
            approval.put("ArgumentsSha256", a.argumentsSha256());
            approval.put("ExpiresAt", LegacyValues.time(a.expiresAt()));
            approval.put("Decision", a.decision() == null ? null : a.decision().name());
            approval.put("By", a.by());
            approval.put("At", LegacyValues.time(a.at()));
            approval.put("Reason", a.reason());
        }
        n.put("Version", e.version());
        return n;
    }

    ToolExecution execution(JsonProps n) {
        String output = n.text("Output", null);
        Approval approval = null;
        if (n.has("Approval")) {
            JsonProps a = n.object("Approval");
            String decision = a.text("Decision", null);
            approval = new Approval(a.time("RequestedAt"), a.text("ArgumentsSha256", null), a.time("ExpiresAt"),
                    decision == null ? null : ApprovalDecision.valueOf(decision), a.text("By", null), a.time("At"),
                    a.text("Reason", null));
        }
        return new ToolExecution(new TenantId(n.text("TenantId", TenantId.DEFAULT.value())), n.text("Id", null),
                n.text("SessionId", null), n.text("ToolCallId", null), n.text("ToolName", null),
                new JsonDocument(n.text("Input", "{}")), output == null ? null : new JsonDocument(output),
                n.text("AgentId", null), ToolExecutionStatus.valueOf(n.text("Status", null)), n.text("Error", null),
                n.time("CreatedAt"), n.time("StartedAt"), n.time("CompletedAt"), n.duration("Duration", null),
                approval, n.number("Version", 0));
    }

    /** The row only: the bytes are a file named by their digest beside the document. */
    ObjectNode attachment(MessageAttachment a) {
        ObjectNode n = mapper.createObjectNode();
        n.put("TenantId", a.tenantId().value());
        n.put("Id", a.id());
        n.put("MessageId", a.messageId());
        n.put("SessionId", a.sessionId());
        n.put("FileName", a.fileName());
        n.put("ContentType", a.contentType());
        n.put("Size", a.size());
        n.put("Sha256", a.sha256());
        n.put("UploadedAt", LegacyValues.time(a.uploadedAt()));
        return n;
    }

    MessageAttachment attachment(JsonProps n) {
        return new MessageAttachment(new TenantId(n.text("TenantId", TenantId.DEFAULT.value())), n.text("Id", null),
                n.text("MessageId", null), n.text("SessionId", null), n.text("FileName", null),
                n.text("ContentType", null), n.number("Size", 0), n.text("Sha256", null), n.time("UploadedAt"));
    }
}
