package dev.orchestra.adapter.rest.shared;

import dev.orchestra.domain.shared.ValidationFailed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collection;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * A query parameter that takes one value may be given once: {@code ?page=1&page=x} is a 400, where
 * Spring would quietly use the first. Repeatable ones ({@code ?status=A&status=B}) are lists.
 */
public final class SingleValuedParameters implements HandlerInterceptor {
    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            for (MethodParameter parameter : method.getMethodParameters()) {
                RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                if (param == null || Collection.class.isAssignableFrom(parameter.getParameterType())
                        || parameter.getParameterType().isArray()) {
                    continue;
                }
                String name = !param.name().isEmpty() ? param.name() : !param.value().isEmpty() ? param.value()
                        : parameter.getParameterName();
                String[] values = name == null ? null : request.getParameterValues(name);
                if (values != null && values.length > 1) {
                    throw ValidationFailed.of(name, "given " + values.length + " times; give it once");
                }
            }
        }
        return true;
    }
}
