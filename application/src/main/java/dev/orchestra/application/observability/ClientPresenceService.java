package dev.orchestra.application.observability;

import dev.orchestra.application.shared.Auditor;
import dev.orchestra.application.shared.Caller;
import dev.orchestra.application.shared.ConstraintCheck;
import dev.orchestra.domain.audit.AuditAction;
import dev.orchestra.domain.maintenance.StoreMaintenance;
import dev.orchestra.domain.observability.ClientSession;
import dev.orchestra.domain.observability.ClientSessionFields;
import dev.orchestra.domain.observability.ClientSessions;
import dev.orchestra.domain.shared.Ids;
import dev.orchestra.domain.shared.JsonDocument;
import dev.orchestra.domain.shared.NotFound;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.shared.UnitOfWork;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Client sessions. Opening and closing are audited; a heartbeat is not (it would write an audit row every few
 * seconds per client): its trace is the session's lastHeartbeat.
 */
public final class ClientPresenceService implements ClientPresence {
    /** Sessions closed per write unit by the sweep. */
    static final int BATCH = 200;

    private final UnitOfWork unitOfWork;
    private final ClientSessions sessions;
    private final StoreMaintenance maintenance;
    private final ConstraintCheck constraints;
    private final Auditor auditor;
    private final Clock clock;
    private final Duration staleAfter;

    public ClientPresenceService(UnitOfWork unitOfWork, ClientSessions sessions, StoreMaintenance maintenance,
                                 ConstraintCheck constraints, Auditor auditor, Clock clock, Duration staleAfter) {
        this.unitOfWork = unitOfWork;
        this.sessions = sessions;
        this.maintenance = maintenance;
        this.constraints = constraints;
        this.auditor = auditor;
        this.clock = clock;
        this.staleAfter = staleAfter;
    }

    @Override
    public ClientSession open(Caller caller, String clientId, JsonDocument metadata) {
        ClientSession session = constraints.require(ClientSession.open(caller.tenant(), Ids.newId(), clientId,
                metadata, clock.instant()));
        return unitOfWork.write(() -> {
            ClientSession stored = sessions.add(session);
            auditor.created(caller, ClientSession.ENTITY, stored.id(), stored);
            return stored;
        });
    }

    @Override
    public ClientSession heartbeat(Caller caller, String id, JsonDocument metadata) {
        if (metadata != null) {
            constraints.require(ClientSession.open(caller.tenant(), id, "x", metadata, clock.instant()));
        }
        return unitOfWork.write(() -> {
            ClientSession current = sessions.findById(caller.tenant(), id)
                    .orElseThrow(() -> new NotFound(ClientSession.ENTITY, id));
            return sessions.update(current.heartbeat(metadata, clock.instant()));
        });
    }

    @Override
    public ClientSession get(Caller caller, String id) {
        return unitOfWork.read(() -> sessions.findById(caller.tenant(), id))
                .orElseThrow(() -> new NotFound(ClientSession.ENTITY, id));
    }

    @Override
    public Page<ClientSession> sessions(Caller caller, Boolean active, PageRequest<ClientSession> page) {
        Specification<ClientSession> where = active == null ? Specification.all()
                : ClientSessionFields.ACTIVE.eq(active);
        PageRequest<ClientSession> ordered = page.sort().isEmpty() ? new PageRequest<>(page.page(), page.size(),
                List.of(ClientSessionFields.LAST_HEARTBEAT.desc(), ClientSessionFields.ID.asc())) : page;
        return unitOfWork.read(() -> sessions.find(caller.tenant(), where, ordered));
    }

    @Override
    public int closeStale() {
        Instant now = clock.instant();
        Instant silentSince = now.minus(staleAfter);
        int closed = 0;
        for (TenantId tenant : unitOfWork.read(maintenance::tenants)) {
            Caller sweep = new Caller(tenant, "client-sweep");
            while (true) {
                int done = unitOfWork.write(() -> {
                    List<ClientSession> stale = sessions.find(tenant, ClientSessionFields.ACTIVE.eq(true)
                                    .and(ClientSessionFields.LAST_HEARTBEAT.before(silentSince)),
                            new PageRequest<>(0, BATCH, List.of(ClientSessionFields.LAST_HEARTBEAT.asc()))).items();
                    for (ClientSession s : stale) {
                        ClientSession stored = sessions.update(s.closed(now));
                        auditor.changed(sweep, ClientSession.ENTITY, s.id(), AuditAction.UPDATE, s, stored);
                    }
                    return stale.size();
                });
                closed += done;
                if (done < BATCH) {
                    break;
                }
            }
        }
        return closed;
    }
}
