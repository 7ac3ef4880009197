package dev.orchestra.adapter.rest.access;

import dev.orchestra.application.shared.Caller;
import dev.orchestra.domain.access.ApiKey;
import dev.orchestra.domain.access.ApiKeyRole;
import dev.orchestra.domain.shared.Forbidden;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.shared.ValidationFailed;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Builds the {@link Caller} of a request. With an API key: the key's tenant (an ADMIN key may name another with
 * {@code X-Tenant-Id}; other keys may only repeat their own), the key's id and name as the user, and for an AGENT key
 * the agent it acts for. Without keys (loopback only): {@code X-Tenant-Id} (default "default") and {@code X-User-Id}.
 */
public final class CallerResolver implements HandlerMethodArgumentResolver {
    public static final String TENANT_HEADER = "X-Tenant-Id";
    public static final String USER_HEADER = "X-User-Id";

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                  NativeWebRequest request, WebDataBinderFactory binders) {
        org.springframework.security.core.Authentication who =
                org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        if (who instanceof KeyAuthentication known && known.key().isPresent()) {
            return keyCaller(known.key().get(), request.getHeader(TENANT_HEADER));
        }
        TenantId tenant;
        try {
            tenant = TenantId.of(request.getHeader(TENANT_HEADER));
        } catch (ValidationFailed e) {
            throw ValidationFailed.of(TENANT_HEADER, e.violations().get(0).message());
        }
        String user = request.getHeader(USER_HEADER);
        try {
            return new Caller(tenant, user == null ? "api" : user);
        } catch (ValidationFailed e) {
            throw ValidationFailed.of(USER_HEADER, e.violations().get(0).message());
        }
    }

    private static Caller keyCaller(ApiKey key, String tenantHeader) {
        TenantId tenant = key.tenantId();
        if (tenantHeader != null && !tenantHeader.isBlank()) {
            TenantId named;
            try {
                named = TenantId.of(tenantHeader);
            } catch (ValidationFailed e) {
                throw ValidationFailed.of(TENANT_HEADER, e.violations().get(0).message());
            }
            if (!named.equals(tenant)) {
                if (key.role() != ApiKeyRole.ADMIN) {
                    throw new Forbidden("an " + key.role() + " key acts in its own tenant '" + tenant
                            + "' only; only an ADMIN key may name another with " + TENANT_HEADER);
                }
                tenant = named;
            }
        }
        return new Caller(tenant, userOf(key), key.role() == ApiKeyRole.AGENT ? key.agentId() : null);
    }

    /** The key's id and name, the name shortened to fit an audit entry's user id. */
    static String userOf(ApiKey key) {
        String label = key.label();
        if (label.length() <= Caller.MAX_USER_ID) {
            return label;
        }
        return label.substring(0, Caller.MAX_USER_ID - 2) + "…)";
    }
}
