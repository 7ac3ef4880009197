package dev.orchestra.adapter.json;

import dev.orchestra.domain.repository.CodeRepositories;
import dev.orchestra.domain.repository.CodeRepository;
import dev.orchestra.domain.repository.RepositoryFields;
import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.NotFound;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;
import java.util.Optional;

/** {@link CodeRepositories} over the JSON document. */
final class JsonCodeRepositories implements CodeRepositories {
    private static final String REPOSITORY = CodeRepository.ENTITY;
    private final JsonUnitOfWork unitOfWork;
    private final SchemaDoor door;

    JsonCodeRepositories(JsonUnitOfWork unitOfWork, SchemaDoor door) {
        this.unitOfWork = unitOfWork;
        this.door = door;
    }

    @Override
    public Optional<CodeRepository> findById(TenantId tenant, String id) {
        return Optional.ofNullable(unitOfWork.state().of(tenant).repositories.get(id));
    }

    @Override
    public Optional<CodeRepository> findByPath(TenantId tenant, String path) {
        return unitOfWork.state().of(tenant).repositories.values().stream()
                .filter(r -> r.path().equals(path)).findFirst();
    }

    @Override
    public CodeRepository add(CodeRepository repository) {
        door.check(REPOSITORY, repository);
        JsonState.TenantData data = unitOfWork.state().mutable(repository.tenantId());
        if (data.repositories.containsKey(repository.id())) {
            throw Conflict.alreadyExists(REPOSITORY, repository.id());
        }
        requireFreePath(repository);
        CodeRepository stored = repository;
        data.repositories.put(repository.id(), stored);
        return stored;
    }

    @Override
    public CodeRepository update(CodeRepository repository) {
        door.check(REPOSITORY, repository);
        JsonState.TenantData data = unitOfWork.state().mutable(repository.tenantId());
        CodeRepository current = data.repositories.get(repository.id());
        if (current == null) {
            throw new NotFound(REPOSITORY, repository.id());
        }
        if (current.version() != repository.version()) {
            throw Conflict.staleVersion(REPOSITORY, repository.id(), repository.version());
        }
        requireFreePath(repository);
        CodeRepository stored = repository.withVersion(repository.version() + 1);
        data.repositories.put(repository.id(), stored);
        return stored;
    }

    @Override
    public void remove(TenantId tenant, String id, long expectedVersion) {
        JsonState.TenantData data = unitOfWork.state().mutable(tenant);
        CodeRepository current = data.repositories.get(id);
        if (current == null) {
            throw new NotFound(REPOSITORY, id);
        }
        if (current.version() != expectedVersion) {
            throw Conflict.staleVersion(REPOSITORY, id, expectedVersion);
        }
        long users = data.agents.values().stream().filter(a -> id.equals(a.repositoryId())).count()
                + data.tasks.values().stream().filter(t -> id.equals(t.repositoryId())).count()
                + data.preferences.values().stream().filter(p -> id.equals(p.scope().repositoryId())).count();
        if (users > 0) {
            throw new Conflict("Repository '" + id + "' is still used by " + users
                    + " agent(s), task(s) or preference(s)");
        }
        data.repositories.remove(id);
    }

    @Override
    public Page<CodeRepository> find(TenantId tenant, Specification<CodeRepository> where,
                                     PageRequest<CodeRepository> page) {
        return SchemaDoor.page(unitOfWork.state().of(tenant).repositories.values(), where, page,
                RepositoryFields.ID);
    }

    private void requireFreePath(CodeRepository repository) {
        findByPath(repository.tenantId(), repository.path()).filter(other -> !other.id().equals(repository.id()))
                .ifPresent(other -> {
                    throw new Conflict("add repository " + repository.id()
                            + ": a row with the same key already exists (path '" + repository.path() + "')");
                });
    }
}
