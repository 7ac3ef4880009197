package dev.orchestra.adapter.rest.chat;

import dev.orchestra.adapter.rest.RestApi;
import dev.orchestra.adapter.rest.shared.PageResponse;
import dev.orchestra.adapter.rest.shared.Paging;
import dev.orchestra.adapter.rest.shared.Versions;
import dev.orchestra.application.chat.ChatHistory;
import dev.orchestra.application.shared.Caller;
import dev.orchestra.domain.chat.ChatFields;
import dev.orchestra.domain.chat.ChatMessage;
import dev.orchestra.domain.chat.ChatSession;
import dev.orchestra.domain.chat.SessionStatus;
import dev.orchestra.domain.chat.ToolCall;
import dev.orchestra.domain.shared.ValidationFailed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/** The chat session and message endpoints of REST-API.md (Chat). */
@RestController
@Tag(name = "Chat", description = "Conversations and their messages, numbered per session without gaps")
@RequestMapping(RestApi.BASE + "/chat")
public class ChatController {
    private static final ChatMapper MAPPER = ChatMapper.INSTANCE;
    private final ChatHistory chat;

    public ChatController(ChatHistory chat) {
        this.chat = chat;
    }

    @PostMapping("/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "openChatSession")
    public ResponseEntity<ChatResponses.Session> open(Caller caller,
                                                      @Valid @RequestBody ChatRequests.Session request) {
        if (request.title() == null || request.userId() == null) {
            throw ValidationFailed.of(request.title() == null ? "title" : "userId", "must not be null");
        }
        ChatSession session = chat.openSession(caller, request.id(), MAPPER.toDetails(request));
        return ResponseEntity.created(URI.create(RestApi.BASE + "/chat/sessions/" + segment(session.id())))
                .eTag(Versions.etag(session.version())).body(MAPPER.toResponse(session));
    }

    @GetMapping("/sessions")
    @Operation(operationId = "listChatSessions", description = "the most recently modified first")
    public PageResponse<ChatResponses.Session> list(Caller caller, @RequestParam(required = false) String userId,
                                                    @RequestParam(required = false) SessionStatus status,
                                                    @RequestParam(required = false) Integer page,
                                                    @RequestParam(required = false) Integer size,
                                                    @RequestParam(required = false) List<String> sort) {
        return PageResponse.of(chat.sessions(caller, userId, status, Paging.of(page, size, sort,
                ChatFields.Session.ALL)), MAPPER::toResponse);
    }

    @GetMapping("/sessions/{id}")
    @Operation(operationId = "getChatSession")
    public ResponseEntity<ChatResponses.Session> get(Caller caller, @PathVariable String id) {
        ChatSession session = chat.session(caller, id);
        return Versions.ok(MAPPER.toResponse(session), session.version());
    }

    @PutMapping("/sessions/{id}")
    @Operation(operationId = "updateChatSession", description = "the details given change (If-Match required); "
            + "the owner, counters and messages stay")
    public ResponseEntity<ChatResponses.Session> update(Caller caller, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody ChatRequests.Session request) {
        if (request.id() != null && !request.id().equals(id)) {
            throw ValidationFailed.of("id", "must be the session's id '" + id + "' or left out");
        }
        ChatSession session = chat.updateSession(caller, id, Versions.ifMatch(ifMatch), MAPPER.toDetails(request));
        return Versions.ok(MAPPER.toResponse(session), session.version());
    }

    @DeleteMapping("/sessions/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteChatSession", description = "If-Match required; a session with messages only "
            + "with withMessages=true, which removes them too (archive it to keep them); audited")
    public void delete(Caller caller, @PathVariable String id,
                       @RequestHeader(name = "If-Match", required = false) String ifMatch,
                       @RequestParam(defaultValue = "false") boolean withMessages) {
        chat.deleteSession(caller, id, Versions.ifMatch(ifMatch), withMessages);
    }

    @PostMapping("/sessions/{id}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "appendChatMessage", description = "numbered by the store: 1, 2, 3… per session")
    public ResponseEntity<ChatResponses.Message> append(Caller caller, @PathVariable String id,
                                                        @Valid @RequestBody ChatRequests.Message request) {
        ChatMessage message = chat.append(caller, id, MAPPER.toNew(request));
        return ResponseEntity.created(URI.create(RestApi.BASE + "/chat/messages/" + segment(message.id())))
                .eTag(Versions.etag(message.version())).body(MAPPER.toResponse(message));
    }

    @GetMapping("/sessions/{id}/messages")
    @Operation(operationId = "readChatMessages", description = "in order, after the number given (keyset)")
    public List<ChatResponses.Message> messages(Caller caller, @PathVariable String id,
                                                @RequestParam(defaultValue = "0") long afterSequence,
                                                @RequestParam(defaultValue = "100") int limit) {
        return chat.messages(caller, id, afterSequence, limit).stream().map(MAPPER::toResponse).toList();
    }

    @GetMapping("/sessions/{id}/statistics")
    @Operation(operationId = "chatSessionStatistics")
    public ChatResponses.SessionStatistics sessionStatistics(Caller caller, @PathVariable String id) {
        return MAPPER.toResponse(chat.sessionStatistics(caller, id));
    }

    @GetMapping("/users/{userId}/statistics")
    @Operation(operationId = "chatUserStatistics")
    public ChatResponses.UserStatistics userStatistics(Caller caller, @PathVariable String userId) {
        return MAPPER.toResponse(chat.userStatistics(caller, userId));
    }

    @PostMapping("/messages/{id}/tool-calls")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "recordToolCall", description = "a tool the model called for the message; arguments "
            + "and result are JSON objects of at most 8,000 characters")
    public ResponseEntity<ChatResponses.ToolCall> recordToolCall(Caller caller, @PathVariable String id,
            @Valid @RequestBody ChatRequests.ToolCallReport request) {
        ToolCall call = chat.recordToolCall(caller, id, MAPPER.toReport(request));
        return ResponseEntity.created(URI.create(RestApi.BASE + "/chat/tool-calls/" + segment(call.id())))
                .body(MAPPER.toResponse(call));
    }

    @GetMapping("/tool-calls/{id}")
    @Operation(operationId = "getToolCall")
    public ChatResponses.ToolCall toolCall(Caller caller, @PathVariable String id) {
        return MAPPER.toResponse(chat.toolCall(caller, id));
    }

    @GetMapping("/search")
    @Operation(operationId = "searchChat", description = "a user's sessions and messages holding every word of q, "
            + "best first; q is words only (quotes, *, NEAR, OR, - are text), case and accents ignored")
    public List<ChatResponses.Hit> search(Caller caller, @RequestParam(required = false) String userId,
                                          @RequestParam(required = false) String q,
                                          @RequestParam(required = false) String sessionId,
                                          @RequestParam(defaultValue = "50") int limit) {
        return chat.search(caller, userId, q, sessionId, limit).stream().map(MAPPER::toResponse).toList();
    }

    @GetMapping("/messages/{id}")
    @Operation(operationId = "getChatMessage")
    public ResponseEntity<ChatResponses.Message> message(Caller caller, @PathVariable String id) {
        ChatMessage message = chat.message(caller, id);
        return Versions.ok(MAPPER.toResponse(message), message.version());
    }

    @PutMapping("/messages/{id}")
    @Operation(operationId = "updateChatMessage", description = "a streamed answer's content, status, tokens or "
            + "error (If-Match required)")
    public ResponseEntity<ChatResponses.Message> updateMessage(Caller caller, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody ChatRequests.MessageUpdate request) {
        ChatMessage message = chat.updateMessage(caller, id, Versions.ifMatch(ifMatch), MAPPER.toUpdate(request));
        return Versions.ok(MAPPER.toResponse(message), message.version());
    }

    private static String segment(String id) {
        return UriUtils.encodePathSegment(id, StandardCharsets.UTF_8);
    }
}
