package dev.orchestra.adapter.rest.access;

import dev.orchestra.adapter.rest.RestApi;
import dev.orchestra.application.access.ApiKeyManagement;
import dev.orchestra.application.shared.Caller;
import dev.orchestra.domain.access.ApiKey;
import dev.orchestra.domain.access.ApiKeyRole;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /admin/api-keys}: the keys of the tenant the (ADMIN) caller acts in; a secret is shown once, at creation. */
@RestController
@Tag(name = "Administration")
@RequestMapping(RestApi.BASE + "/admin/api-keys")
public class ApiKeyController {
    private final ApiKeyManagement keys;

    public ApiKeyController(ApiKeyManagement keys) {
        this.keys = keys;
    }

    @Schema(name = "ApiKeyRequest")
    public record KeyRequest(@NotNull String name, @NotNull ApiKeyRole role,
                             @Schema(description = "for an AGENT key: the registered agent it acts for") String agentId) {
    }

    @Schema(name = "ApiKey", description = "a key; its secret only in the answer that created it")
    public record KeyResponse(String id, String tenantId, ApiKeyRole role, String name, String agentId,
                              Instant createdAt, Instant lastUsedAt, Instant revokedAt,
                              @Schema(description = "the secret, in the answer that created the key only (null in "
                                      + "every other): send it as 'Authorization: Bearer <secret>'") String secret) {
        static KeyResponse of(ApiKey k, String secret) {
            return new KeyResponse(k.id(), k.tenantId().value(), k.role(), k.name(), k.agentId(), k.createdAt(),
                    k.lastUsedAt(), k.revokedAt(), secret);
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createApiKey", description = "a key of the tenant acted in; the answer holds its "
            + "secret, which is never shown again (only its SHA-256 is stored)")
    public ResponseEntity<KeyResponse> create(Caller caller, @Valid @RequestBody KeyRequest request) {
        ApiKeyManagement.IssuedKey issued = keys.create(caller, request.name(), request.role(), request.agentId());
        return ResponseEntity.created(URI.create(RestApi.BASE + "/admin/api-keys"))
                .body(KeyResponse.of(issued.key(), issued.secret()));
    }

    @GetMapping
    @Operation(operationId = "listApiKeys", description = "the tenant's keys, revoked ones included, oldest first")
    public List<KeyResponse> list(Caller caller) {
        return keys.list(caller).stream().map(k -> KeyResponse.of(k, null)).toList();
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "revokeApiKey", description = "revokes the key: the next request with it is refused "
            + "(401); revoking it again changes nothing")
    public void revoke(Caller caller, @PathVariable String id) {
        keys.revoke(caller, id);
    }
}
