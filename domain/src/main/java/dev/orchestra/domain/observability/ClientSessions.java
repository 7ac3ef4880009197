package dev.orchestra.domain.observability;

import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;
import java.util.Optional;

/** The UI clients of each tenant. Call inside a {@code UnitOfWork}. */
public interface ClientSessions {
    /** {@code Conflict} when the id is taken. */
    ClientSession add(ClientSession session);

    /** Saves a changed session whose version is the stored one; answers it with the next version. */
    ClientSession update(ClientSession session);

    Optional<ClientSession> findById(TenantId tenant, String id);

    Page<ClientSession> find(TenantId tenant, Specification<ClientSession> where, PageRequest<ClientSession> page);
}
