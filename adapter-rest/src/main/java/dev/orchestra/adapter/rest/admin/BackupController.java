package dev.orchestra.adapter.rest.admin;

import dev.orchestra.adapter.rest.RestApi;
import dev.orchestra.application.maintenance.Restoration;
import dev.orchestra.application.maintenance.StoreBackups;
import dev.orchestra.domain.maintenance.BackupManifest;
import dev.orchestra.domain.maintenance.BackupTrigger;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/** Backups of the whole store with their manifests (Administration in REST-API.md). */
@RestController
@Tag(name = "Administration")
@RequestMapping(RestApi.BASE + "/admin/backups")
public class BackupController {
    private final StoreBackups backups;

    public BackupController(StoreBackups backups) {
        this.backups = backups;
    }

    @Schema(name = "BackupManifest", description = "verified: the copy was opened read-only, passed the engine's "
            + "check, and its rows and SHA-256 match what was counted when it was taken; problem says why not")
    public record Manifest(String id, String file, Instant createdAt, BackupTrigger trigger, long sizeBytes,
                           String sha256, String schemaVersion, Map<String, Long> rowCounts, boolean verified,
                           Instant verifiedAt, String problem) {
        static Manifest of(BackupManifest m) {
            return new Manifest(m.id(), m.file(), m.createdAt(), m.trigger(), m.sizeBytes(), m.sha256(),
                    m.schemaVersion(), m.rowCounts(), m.verified(), m.verifiedAt(), m.problem());
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "takeBackup", description = "an online copy of the whole store (writes wait while it "
            + "is made), verified at once; into backups/ beside the store")
    public ResponseEntity<Manifest> take() {
        BackupManifest manifest = backups.take(BackupTrigger.MANUAL);
        return ResponseEntity.created(URI.create(RestApi.BASE + "/admin/backups/"
                + UriUtils.encodePathSegment(manifest.id(), StandardCharsets.UTF_8))).body(Manifest.of(manifest));
    }

    @GetMapping
    @Operation(operationId = "listBackups", description = "newest first")
    public List<Manifest> list() {
        return backups.list().stream().map(Manifest::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getBackup")
    public Manifest get(@PathVariable String id) {
        return Manifest.of(backups.get(id));
    }

    @Schema(name = "Restoration", description = "the backup the store now holds, the safety backup of the store "
            + "as it was just before (restore it to undo), the rows held now, and whether they are the backup's")
    public record RestoreAnswer(String restoredFrom, Instant restoredAt, Manifest safetyBackup,
                                Map<String, Long> rowCounts, boolean verified, String problem) {
    }

    @PostMapping("/{id}/restore")
    @Operation(operationId = "restoreBackup", description = "replaces the whole store with this backup: verified "
            + "first (one that fails is refused with 409 and nothing changes), then a verified safety backup of the "
            + "store as it is, then the atomic replacement and a check against the backup's counts; meanwhile "
            + "every other call answers 503 with the problem type 'restoring'")
    public RestoreAnswer restore(@PathVariable String id) {
        Restoration r = backups.restore(id);
        return new RestoreAnswer(r.restoredFrom(), r.restoredAt(), Manifest.of(r.safetyBackup()), r.rowCounts(),
                r.verified(), r.problem());
    }

    @PostMapping("/{id}/verify")
    @Operation(operationId = "verifyBackup", description = "opens the copy read-only again: the engine's check, "
            + "its SHA-256 and its rows against the manifest; the answer says whether it passed")
    public Manifest verify(@PathVariable String id) {
        return Manifest.of(backups.verify(id));
    }
}
