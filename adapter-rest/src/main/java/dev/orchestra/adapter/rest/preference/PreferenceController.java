package dev.orchestra.adapter.rest.preference;

import dev.orchestra.adapter.rest.RestApi;
import dev.orchestra.adapter.rest.shared.Versions;
import dev.orchestra.application.preference.PreferenceSettings;
import dev.orchestra.application.shared.Caller;
import dev.orchestra.domain.preference.PreferenceScope;
import dev.orchestra.domain.preference.UserPreference;
import dev.orchestra.domain.shared.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The Preferences section of REST-API.md. */
@RestController
@Tag(name = "Preferences", description = "User preferences and their effective values")
@RequestMapping(RestApi.BASE + "/preferences")
public class PreferenceController {
    private final PreferenceSettings settings;

    public PreferenceController(PreferenceSettings settings) {
        this.settings = settings;
    }

    @GetMapping
    @Operation(operationId = "listPreferences")
    public List<PreferenceResponse> list(Caller caller, @RequestParam(required = false) String userId,
                                         @RequestParam(required = false) String category,
                                         @RequestParam(required = false) String repositoryId,
                                         @RequestParam(required = false) String agentId) {
        return settings.list(caller, new PreferenceSettings.PreferenceQuery(userId, category, repositoryId, agentId))
                .stream().map(PreferenceResponse::of).toList();
    }

    @PutMapping("/{key}")
    @Operation(operationId = "putPreference")
    public ResponseEntity<PreferenceResponse> upsert(Caller caller, @PathVariable String key,
            @RequestHeader(name = Versions.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody PreferenceRequest request) {
        UserPreference stored = settings.upsert(caller, key,
                new PreferenceScope(request.userId(), request.repositoryId(), request.agentId()),
                Versions.ifMatch(ifMatch),
                new UserPreference.Setting(request.value(), request.valueType(), request.category(),
                        request.description(), request.readOnly(), request.sensitive()));
        return Versions.ok(PreferenceResponse.of(stored), stored.version());
    }

    @GetMapping("/{key}/effective")
    @Operation(operationId = "getEffectivePreference")
    public PreferenceResponse effective(Caller caller, @PathVariable String key,
                                        @RequestParam(required = false) String userId,
                                        @RequestParam(required = false) String repositoryId,
                                        @RequestParam(required = false) String agentId) {
        return settings.effective(caller, key, new PreferenceScope(userId, repositoryId, agentId))
                .map(PreferenceResponse::of)
                .orElseThrow(() -> new NotFound(UserPreference.ENTITY, key));
    }

    @DeleteMapping("/{key}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deletePreference")
    public void delete(Caller caller, @PathVariable String key, @RequestParam(required = false) String userId,
                       @RequestParam(required = false) String repositoryId,
                       @RequestParam(required = false) String agentId,
                       @RequestHeader(name = Versions.IF_MATCH, required = false) String ifMatch) {
        settings.delete(caller, key, new PreferenceScope(userId, repositoryId, agentId), Versions.ifMatch(ifMatch));
    }
}
