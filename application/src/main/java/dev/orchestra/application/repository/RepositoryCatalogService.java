package dev.orchestra.application.repository;

import dev.orchestra.application.shared.Auditor;
import dev.orchestra.application.shared.Caller;
import dev.orchestra.application.shared.ConstraintCheck;
import dev.orchestra.domain.audit.AuditAction;
import dev.orchestra.domain.repository.CodeRepositories;
import dev.orchestra.domain.repository.CodeRepository;
import dev.orchestra.domain.repository.RepositoryFields;
import dev.orchestra.domain.repository.RepositoryStatistics;
import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.Ids;
import dev.orchestra.domain.shared.NotFound;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.UnitOfWork;
import dev.orchestra.domain.shared.VersionRequired;
import java.time.Clock;
import java.util.Map;

/** The repository use cases. */
public final class RepositoryCatalogService implements RepositoryCatalog {
    static final String REPOSITORY = CodeRepository.ENTITY;

    private final UnitOfWork unitOfWork;
    private final CodeRepositories repositories;
    private final ConstraintCheck constraints;
    private final Auditor auditor;
    private final Clock clock;

    public RepositoryCatalogService(UnitOfWork unitOfWork, CodeRepositories repositories,
                                    ConstraintCheck constraints, Auditor auditor, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.repositories = repositories;
        this.constraints = constraints;
        this.auditor = auditor;
        this.clock = clock;
    }

    @Override
    public CodeRepository create(Caller caller, String id, CodeRepository.Details details) {
        return unitOfWork.write(() -> {
            String newId = id == null || id.isBlank() ? Ids.newId() : id;
            CodeRepository repository = constraints.require(
                    CodeRepository.create(caller.tenant(), newId, details, clock.instant(), caller.userId()));
            if (repositories.findById(caller.tenant(), newId).isPresent()) {
                throw Conflict.alreadyExists(REPOSITORY, newId);
            }
            repositories.findByPath(caller.tenant(), repository.path()).ifPresent(other -> {
                throw new Conflict("Path '" + other.path() + "' already belongs to repository '" + other.id() + "'");
            });
            CodeRepository stored = repositories.add(repository);
            auditor.created(caller, REPOSITORY, newId, stored);
            return stored;
        });
    }

    @Override
    public CodeRepository update(Caller caller, String id, Long expectedVersion, CodeRepository.Details details) {
        return unitOfWork.write(() -> {
            CodeRepository current = versioned(caller, id, expectedVersion);
            CodeRepository next = constraints.require(current.withDetails(details, clock.instant(),
                    caller.userId()));
            repositories.findByPath(caller.tenant(), next.path()).filter(other -> !other.id().equals(id))
                    .ifPresent(other -> {
                        throw new Conflict("Path '" + other.path() + "' already belongs to repository '"
                                + other.id() + "'");
                    });
            CodeRepository stored = repositories.update(next);
            auditor.changed(caller, REPOSITORY, id, AuditAction.UPDATE, current, stored);
            return stored;
        });
    }

    @Override
    public void delete(Caller caller, String id, Long expectedVersion) {
        unitOfWork.writeVoid(() -> {
            CodeRepository current = versioned(caller, id, expectedVersion);
            repositories.remove(caller.tenant(), id, current.version());
            auditor.recorded(caller, REPOSITORY, id, AuditAction.DELETE,
                    Map.of("name", current.name(), "path", current.path()));
        });
    }

    @Override
    public CodeRepository get(Caller caller, String id) {
        return unitOfWork.read(() -> existing(caller, id));
    }

    @Override
    public Page<CodeRepository> list(Caller caller, RepositoryQuery query, PageRequest<CodeRepository> page) {
        Specification<CodeRepository> where = Specification.all();
        if (query.active() != null) {
            where = where.and(RepositoryFields.ACTIVE.eq(query.active()));
        }
        if (query.path() != null) {
            where = where.and(RepositoryFields.PATH.eq(query.path()));
        }
        Specification<CodeRepository> filter = where;
        return unitOfWork.read(() -> repositories.find(caller.tenant(), filter, page));
    }

    @Override
    public RepositoryStatistics statistics(Caller caller, String id) {
        return get(caller, id).statistics();
    }

    private CodeRepository existing(Caller caller, String id) {
        return repositories.findById(caller.tenant(), id).orElseThrow(() -> new NotFound(REPOSITORY, id));
    }

    private CodeRepository versioned(Caller caller, String id, Long expectedVersion) {
        CodeRepository repository = existing(caller, id);
        VersionRequired.check(REPOSITORY, id, expectedVersion, repository.version());
        return repository;
    }
}
