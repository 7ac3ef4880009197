package dev.orchestra.adapter.rest.chat;

import dev.orchestra.adapter.rest.RestApi;
import dev.orchestra.adapter.rest.shared.Uploads;
import dev.orchestra.application.chat.ChatAttachments;
import dev.orchestra.application.shared.Caller;
import dev.orchestra.domain.chat.MessageAttachment;
import dev.orchestra.domain.shared.StoreFailure;
import dev.orchestra.domain.shared.ValidationFailed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriUtils;

/** The attachment endpoints of REST-API.md (Chat): files of at most 10 MiB, their bytes kept once. */
@RestController
@Tag(name = "Chat")
@RequestMapping(RestApi.BASE + "/chat")
public class ChatAttachmentsController {
    private static final ChatMapper MAPPER = ChatMapper.INSTANCE;
    private final ChatAttachments attachments;

    public ChatAttachmentsController(ChatAttachments attachments) {
        this.attachments = attachments;
    }

    @PostMapping(path = "/messages/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "attachToMessage", description = "multipart part 'file', at most 10 MiB (larger: "
            + "413, nothing stored); its content type is kept (application/octet-stream when none is given)")
    public ResponseEntity<ChatResponses.Attachment> attach(Caller caller, @PathVariable String id,
                                                           @RequestPart("file") MultipartFile file) {
        if (file.getSize() > MessageAttachment.MAX_BYTES) {
            throw new MaxUploadSizeExceededException(MessageAttachment.MAX_BYTES);
        }
        byte[] content;
        try {
            content = file.getBytes();
        } catch (IOException e) {
            throw new StoreFailure("cannot read the upload: " + e.getMessage(), e);
        }
        MessageAttachment stored = attachments.attach(caller, id, new MessageAttachment.Upload(null,
                Uploads.fileName(file.getOriginalFilename(), "attachment"), contentType(file.getContentType()),
                content));
        return ResponseEntity.created(URI.create(RestApi.BASE + "/chat/attachments/"
                + UriUtils.encodePathSegment(stored.id(), StandardCharsets.UTF_8))).body(MAPPER.toResponse(stored));
    }

    /** The part's media type as given, when it is a concrete one. */
    static String contentType(String sent) {
        if (sent == null || sent.isBlank()) {
            return null;
        }
        try {
            MediaType type = MediaType.parseMediaType(sent);
            if (type.isWildcardType() || type.isWildcardSubtype()) {
                throw ValidationFailed.of("file", "the content type '" + sent + "' is a wildcard; send a concrete "
                        + "type or none");
            }
            if (type.toString().length() > 255) {
                throw ValidationFailed.of("file", "the content type must be at most 255 characters");
            }
            return type.toString();
        } catch (InvalidMediaTypeException e) {
            throw ValidationFailed.of("file", "the content type '" + sent + "' is not a media type");
        }
    }

    @GetMapping("/attachments/{id}")
    @Operation(operationId = "downloadAttachment", description = "the bytes, with their content type, length and "
            + "SHA-256 (Repr-Digest); served as a download, never run by a browser")
    @ApiResponse(responseCode = "200", description = "the bytes",
            content = @Content(mediaType = "*/*",
                    schema = @Schema(type = "string", format = "binary")))
    public ResponseEntity<byte[]> download(Caller caller, @PathVariable String id) {
        ChatAttachments.Download download = attachments.download(caller, id);
        MessageAttachment a = download.attachment();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(a.contentType()))
                .contentLength(download.content().length)
                .eTag("\"" + a.sha256() + "\"")
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(a.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder()
                        .encodeToString(HexFormat.of().parseHex(a.sha256())) + ":")
                // Stored bytes are the user's, not ours: a browser must not sniff or run them.
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .body(download.content());
    }

    @GetMapping("/attachments/{id}/metadata")
    @Operation(operationId = "getAttachmentMetadata")
    public ChatResponses.Attachment metadata(Caller caller, @PathVariable String id) {
        return MAPPER.toResponse(attachments.attachment(caller, id));
    }
}
