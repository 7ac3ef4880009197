package dev.orchestra.adapter.json;

import dev.orchestra.domain.observability.ClientSession;
import dev.orchestra.domain.observability.ClientSessionFields;
import dev.orchestra.domain.observability.ClientSessions;
import dev.orchestra.domain.observability.LogFields;
import dev.orchestra.domain.observability.MetricFields;
import dev.orchestra.domain.observability.OrchestrationLog;
import dev.orchestra.domain.observability.OrchestrationLogs;
import dev.orchestra.domain.observability.PerformanceMetric;
import dev.orchestra.domain.observability.PerformanceMetrics;
import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.NotFound;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;
import java.util.Optional;

/** The JSON store's orchestration logs (a log), performance metrics and client sessions (tables). */
final class JsonObservability {
    private JsonObservability() {
    }

    static final class Logs implements OrchestrationLogs {
        private final JsonUnitOfWork unitOfWork;
        private final SchemaDoor door;

        Logs(JsonUnitOfWork unitOfWork, SchemaDoor door) {
            this.unitOfWork = unitOfWork;
            this.door = door;
        }

        @Override
        public void append(OrchestrationLog entry) {
            door.check(OrchestrationLog.ENTITY, entry);
            unitOfWork.state().mutable(entry.tenantId()).orchestrationLogs.add(entry);
        }

        @Override
        public Page<OrchestrationLog> find(TenantId tenant, Specification<OrchestrationLog> where,
                                           PageRequest<OrchestrationLog> page) {
            return SchemaDoor.page(unitOfWork.state().of(tenant).orchestrationLogs.rows(), where, page, LogFields.ID);
        }
    }

    static final class Metrics implements PerformanceMetrics {
        private final JsonUnitOfWork unitOfWork;
        private final SchemaDoor door;

        Metrics(JsonUnitOfWork unitOfWork, SchemaDoor door) {
            this.unitOfWork = unitOfWork;
            this.door = door;
        }

        @Override
        public PerformanceMetric add(PerformanceMetric metric) {
            door.check(PerformanceMetric.ENTITY, metric);
            JsonState.TenantData data = unitOfWork.state().mutable(metric.tenantId());
            if (data.metrics.containsKey(metric.id())) {
                throw Conflict.alreadyExists(PerformanceMetric.ENTITY, metric.id());
            }
            data.metrics.put(metric.id(), metric);
            return metric;
        }

        @Override
        public Optional<PerformanceMetric> findById(TenantId tenant, String id) {
            return Optional.ofNullable(unitOfWork.state().of(tenant).metrics.get(id));
        }

        @Override
        public Page<PerformanceMetric> find(TenantId tenant, Specification<PerformanceMetric> where,
                                            PageRequest<PerformanceMetric> page) {
            return SchemaDoor.page(unitOfWork.state().of(tenant).metrics.values(), where, page, MetricFields.ID);
        }
    }

    static final class Clients implements ClientSessions {
        private final JsonUnitOfWork unitOfWork;
        private final SchemaDoor door;

        Clients(JsonUnitOfWork unitOfWork, SchemaDoor door) {
            this.unitOfWork = unitOfWork;
            this.door = door;
        }

        @Override
        public ClientSession add(ClientSession session) {
            door.check(ClientSession.ENTITY, session);
            JsonState.TenantData data = unitOfWork.state().mutable(session.tenantId());
            if (data.clientSessions.containsKey(session.id())) {
                throw Conflict.alreadyExists(ClientSession.ENTITY, session.id());
            }
            data.clientSessions.put(session.id(), session);
            return session;
        }

        @Override
        public ClientSession update(ClientSession session) {
            door.check(ClientSession.ENTITY, session);
            JsonState.TenantData data = unitOfWork.state().mutable(session.tenantId());
            ClientSession current = data.clientSessions.get(session.id());
            if (current == null) {
                throw new NotFound(ClientSession.ENTITY, session.id());
            }
            if (current.version() != session.version()) {
                throw Conflict.staleVersion(ClientSession.ENTITY, session.id(), session.version());
            }
            ClientSession stored = session.withVersion(session.version() + 1);
            data.clientSessions.put(session.id(), stored);
            return stored;
        }

        @Override
        public Optional<ClientSession> findById(TenantId tenant, String id) {
            return Optional.ofNullable(unitOfWork.state().of(tenant).clientSessions.get(id));
        }

        @Override
        public Page<ClientSession> find(TenantId tenant, Specification<ClientSession> where,
                                        PageRequest<ClientSession> page) {
            return SchemaDoor.page(unitOfWork.state().of(tenant).clientSessions.values(), where, page,
                    ClientSessionFields.ID);
        }
    }
}
