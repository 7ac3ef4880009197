package dev.orchestra.adapter.rest.shared;

import dev.orchestra.application.shared.Caller;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.shared.ValidationFailed;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Builds the {@link Caller} of a request from {@code X-Tenant-Id} (default "default") and {@code X-User-Id}. */
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
}
