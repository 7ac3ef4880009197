package dev.orchestra.application.repository;

import dev.orchestra.application.shared.Caller;
import dev.orchestra.domain.repository.CodeRepository;
import dev.orchestra.domain.repository.RepositoryStatistics;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;

/** Inbound port: the code repositories agents work in. */
public interface RepositoryCatalog {
    /** Filters of a listing; null means "any". */
    record RepositoryQuery(Boolean active, String path) {
    }

    CodeRepository create(Caller caller, String id, CodeRepository.Details details);

    CodeRepository update(Caller caller, String id, Long expectedVersion, CodeRepository.Details details);

    void delete(Caller caller, String id, Long expectedVersion);

    CodeRepository get(Caller caller, String id);

    Page<CodeRepository> list(Caller caller, RepositoryQuery query, PageRequest<CodeRepository> page);

    RepositoryStatistics statistics(Caller caller, String id);
}
