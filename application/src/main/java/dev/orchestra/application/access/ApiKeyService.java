package dev.orchestra.application.access;

import dev.orchestra.application.shared.Auditor;
import dev.orchestra.application.shared.Caller;
import dev.orchestra.application.shared.ConstraintCheck;
import dev.orchestra.domain.access.ApiKey;
import dev.orchestra.domain.access.ApiKeyRole;
import dev.orchestra.domain.access.ApiKeySecret;
import dev.orchestra.domain.access.ApiKeys;
import dev.orchestra.domain.agent.Agent;
import dev.orchestra.domain.agent.Agents;
import dev.orchestra.domain.audit.AuditAction;
import dev.orchestra.domain.shared.DomainException;
import dev.orchestra.domain.shared.Ids;
import dev.orchestra.domain.shared.NotFound;
import dev.orchestra.domain.shared.UnitOfWork;
import dev.orchestra.domain.shared.ValidationFailed;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * API keys: issued with a fresh secret whose SHA-256 alone is stored, revoked, and looked up for each request.
 * Creating and revoking are audited; a use is not (that would be a write per request): its trace is the key's
 * {@code lastUsedAt}, written at most once a {@link #USE_RECORDED_EVERY}.
 */
public final class ApiKeyService implements ApiKeyManagement, Authentication {
    static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);
    private static final Logger LOG = Logger.getLogger(ApiKeyService.class.getName());

    private final UnitOfWork unitOfWork;
    private final ApiKeys keys;
    private final Agents agents;
    private final ConstraintCheck constraints;
    private final Auditor auditor;
    private final Clock clock;
    /** Once a key exists it always does (keys are revoked, never removed): no need to ask the store again. */
    private volatile boolean keysExist;

    public ApiKeyService(UnitOfWork unitOfWork, ApiKeys keys, Agents agents, ConstraintCheck constraints,
                         Auditor auditor, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.keys = keys;
        this.agents = agents;
        this.constraints = constraints;
        this.auditor = auditor;
        this.clock = clock;
    }

    @Override
    public IssuedKey create(Caller caller, String name, ApiKeyRole role, String agentId) {
        if (role == null) {
            throw ValidationFailed.of("role", "must be one of AGENT, OPERATOR, ADMIN");
        }
        String secret = ApiKeySecret.generate();
        ApiKey key = constraints.require(ApiKey.issue(caller.tenant(), Ids.newId(), role, name,
                role == ApiKeyRole.AGENT ? agentId : blankToNull(agentId), ApiKeySecret.sha256(secret),
                clock.instant()));
        ApiKey stored = unitOfWork.write(() -> {
            if (key.agentId() != null) {
                Optional<Agent> agent = agents.findById(caller.tenant(), key.agentId());
                if (agent.isEmpty()) {
                    throw ValidationFailed.of("agentId", "no agent '" + key.agentId() + "' in tenant '"
                            + caller.tenant() + "'; register it first");
                }
            }
            ApiKey added = keys.add(key);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("role", added.role());
            details.put("name", added.name());
            details.put("agentId", added.agentId());
            details.put("createdAt", added.createdAt());
            auditor.recorded(caller, ApiKey.ENTITY, added.id(), AuditAction.CREATE, details);
            return added;
        });
        keysExist = true;
        return new IssuedKey(stored, secret);
    }

    @Override
    public List<ApiKey> list(Caller caller) {
        return unitOfWork.read(() -> keys.list(caller.tenant()));
    }

    @Override
    public ApiKey revoke(Caller caller, String id) {
        return unitOfWork.write(() -> {
            ApiKey current = keys.findById(caller.tenant(), id).orElseThrow(() -> new NotFound(ApiKey.ENTITY, id));
            if (current.revoked()) {
                return current;
            }
            ApiKey revoked = keys.update(current.revoke(clock.instant()));
            auditor.changed(caller, ApiKey.ENTITY, id, AuditAction.DELETE, current, revoked);
            return revoked;
        });
    }

    @Override
    public boolean keysRequired() {
        if (!keysExist) {
            // Asked each time until the first key appears: one made by the command line works at once.
            keysExist = unitOfWork.read(keys::any);
        }
        return keysExist;
    }

    @Override
    public Optional<ApiKey> authenticate(String secret) {
        if (!ApiKeySecret.wellFormed(secret)) {
            return Optional.empty();
        }
        String digest = ApiKeySecret.sha256(secret);
        Optional<ApiKey> found = unitOfWork.read(() -> keys.findBySecretSha256(digest));
        // The store found it by its digest; compared again in constant time so no path leaks by timing.
        if (found.isEmpty() || !MessageDigest.isEqual(found.get().secretSha256().getBytes(StandardCharsets.US_ASCII),
                digest.getBytes(StandardCharsets.US_ASCII)) || found.get().revoked()) {
            return Optional.empty();
        }
        return Optional.of(recordUse(found.get()));
    }

    private ApiKey recordUse(ApiKey key) {
        Instant now = clock.instant();
        if (key.lastUsedAt() != null && key.lastUsedAt().plus(USE_RECORDED_EVERY).isAfter(now)) {
            return key;
        }
        try {
            return unitOfWork.write(() -> {
                ApiKey current = keys.findById(key.tenantId(), key.id()).orElse(key);
                if (current.revoked() || current.lastUsedAt() != null
                        && current.lastUsedAt().plus(USE_RECORDED_EVERY).isAfter(now)) {
                    return current; // another request recorded it (or it was revoked) meanwhile
                }
                return keys.update(current.usedAt(now));
            });
        } catch (DomainException e) {
            // Bookkeeping only: a busy or full store must not turn a valid key away.
            LOG.log(Level.FINE, "could not record the use of API key " + key.label(), e);
            return key;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
