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
 * Spring would quietly use the first. Repeatable ones ({@code ?status=A&status=B}) are lists; a list of
 * names may hold no empty one ({@code ?status=PENDING,} or a control character): Spring trims each item
 * and turns an empty one into a null element, which no filter can use.
 */
public final class SingleValuedParameters implements HandlerInterceptor {
    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            for (MethodParameter parameter : method.getMethodParameters()) {
                RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                if (param == null) {
                    continue;
                }
                String name = !param.name().isEmpty() ? param.name() : !param.value().isEmpty() ? param.value()
                        : parameter.getParameterName();
                String[] values = name == null ? null : request.getParameterValues(name);
                if (Collection.class.isAssignableFrom(parameter.getParameterType())
                        || parameter.getParameterType().isArray()) {
                    if (values != null && names(parameter)) {
                        refuseEmptyItems(name, values);
                    }
                    continue;
                }
                if (values != null && values.length > 1) {
                    throw ValidationFailed.of(name, "given " + values.length + " times; give it once");
                }
            }
        }
        return true;
    }

    /** Whether the list holds enum names: an empty item would become null (a list of texts keeps it as ""). */
    private static boolean names(MethodParameter parameter) {
        Class<?> element = parameter.getParameterType().isArray() ? parameter.getParameterType().getComponentType()
                : org.springframework.core.ResolvableType.forMethodParameter(parameter).resolveGeneric(0);
        return element != null && element.isEnum();
    }

    private static void refuseEmptyItems(String name, String[] values) {
        for (String value : values) {
            if (value.isEmpty() && values.length == 1) {
                continue; // ?status= alone means no filter, as for any parameter left empty
            }
            for (String item : value.split(",", -1)) {
                // String.trim, as Spring's conversion does: it also drops control characters.
                if (item.trim().isEmpty()) {
                    throw ValidationFailed.of(name, "'" + Problems.echoed(value) + "' holds an empty name;"
                            + " give names separated by commas, such as PENDING,ASSIGNED");
                }
            }
        }
    }
}
