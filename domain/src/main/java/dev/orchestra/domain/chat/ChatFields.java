package dev.orchestra.domain.chat;

import dev.orchestra.domain.shared.Field;
import java.time.Instant;
import java.util.List;

/** The queryable and sortable properties of chat sessions and messages. */
public final class ChatFields {
    private ChatFields() {
    }

    /** Of a session. */
    public static final class Session {
        public static final Field<ChatSession, String> ID = new Field<>("id", String.class, ChatSession::id);
        public static final Field<ChatSession, String> USER_ID =
                new Field<>("userId", String.class, ChatSession::userId);
        public static final Field<ChatSession, SessionStatus> STATUS =
                new Field<>("status", SessionStatus.class, ChatSession::status);
        public static final Field<ChatSession, Instant> CREATED_AT =
                new Field<>("createdAt", Instant.class, ChatSession::createdAt);
        public static final Field<ChatSession, Instant> LAST_MODIFIED_AT =
                new Field<>("lastModifiedAt", Instant.class, ChatSession::lastModifiedAt);
        public static final List<Field<ChatSession, ?>> ALL = List.of(ID, USER_ID, STATUS, CREATED_AT,
                LAST_MODIFIED_AT);

        private Session() {
        }
    }

    /** Of a message. */
    public static final class Message {
        public static final Field<ChatMessage, String> ID = new Field<>("id", String.class, ChatMessage::id);
        public static final Field<ChatMessage, String> SESSION_ID =
                new Field<>("sessionId", String.class, ChatMessage::sessionId);
        public static final Field<ChatMessage, Long> SEQUENCE_NUMBER =
                new Field<>("sequenceNumber", Long.class, ChatMessage::sequenceNumber);
        public static final List<Field<ChatMessage, ?>> ALL = List.of(ID, SESSION_ID, SEQUENCE_NUMBER);

        private Message() {
        }
    }

    /** Of a tool call. */
    public static final class Call {
        public static final Field<ToolCall, String> ID = new Field<>("id", String.class, ToolCall::id);
        public static final Field<ToolCall, String> SESSION_ID =
                new Field<>("sessionId", String.class, ToolCall::sessionId);
        public static final Field<ToolCall, Instant> EXECUTED_AT =
                new Field<>("executedAt", Instant.class, ToolCall::executedAt);
        public static final List<Field<ToolCall, ?>> ALL = List.of(ID, SESSION_ID, EXECUTED_AT);

        private Call() {
        }
    }

    /** Of a tool execution. */
    public static final class Execution {
        public static final Field<ToolExecution, String> ID = new Field<>("id", String.class, ToolExecution::id);
        public static final Field<ToolExecution, String> SESSION_ID =
                new Field<>("sessionId", String.class, ToolExecution::sessionId);
        public static final Field<ToolExecution, ToolExecutionStatus> STATUS =
                new Field<>("status", ToolExecutionStatus.class, ToolExecution::status);
        public static final Field<ToolExecution, Instant> CREATED_AT =
                new Field<>("createdAt", Instant.class, ToolExecution::createdAt);
        public static final List<Field<ToolExecution, ?>> ALL = List.of(ID, SESSION_ID, STATUS, CREATED_AT);

        private Execution() {
        }
    }

    /** Of an attachment. */
    public static final class Attachment {
        public static final Field<MessageAttachment, String> ID =
                new Field<>("id", String.class, MessageAttachment::id);
        public static final Field<MessageAttachment, String> MESSAGE_ID =
                new Field<>("messageId", String.class, MessageAttachment::messageId);
        public static final Field<MessageAttachment, String> SESSION_ID =
                new Field<>("sessionId", String.class, MessageAttachment::sessionId);
        public static final Field<MessageAttachment, Instant> UPLOADED_AT =
                new Field<>("uploadedAt", Instant.class, MessageAttachment::uploadedAt);
        public static final List<Field<MessageAttachment, ?>> ALL = List.of(ID, MESSAGE_ID, SESSION_ID, UPLOADED_AT);

        private Attachment() {
        }
    }
}
