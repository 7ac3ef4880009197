package dev.orchestra.domain.repository;

import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;
import java.util.Optional;

/** The code repositories of each tenant. Call inside a {@code UnitOfWork}. */
public interface CodeRepositories {
    Optional<CodeRepository> findById(TenantId tenant, String id);

    Optional<CodeRepository> findByPath(TenantId tenant, String path);

    /** A duplicate id or path is a {@code Conflict}. */
    CodeRepository add(CodeRepository repository);

    /** Version-checked; a stale version or a path taken by another repository is a {@code Conflict}. */
    CodeRepository update(CodeRepository repository);

    /** Removes a repository nothing refers to; one still used by agents, tasks or preferences is a {@code Conflict}. */
    void remove(TenantId tenant, String id, long expectedVersion);

    Page<CodeRepository> find(TenantId tenant, Specification<CodeRepository> where,
                              PageRequest<CodeRepository> page);
}
