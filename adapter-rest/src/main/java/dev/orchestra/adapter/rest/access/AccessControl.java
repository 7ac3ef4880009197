package dev.orchestra.adapter.rest.access;

import dev.orchestra.adapter.rest.RestApi;
import dev.orchestra.adapter.rest.shared.ProblemJson;
import dev.orchestra.application.access.Authentication;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Who may call what (REST-API.md, Access): health and the OpenAPI document are open; an AGENT key may heartbeat
 * its agent and claim, start, report on, complete and fail its agent's tasks (the use cases check the agent);
 * an OPERATOR key everything else of its tenant; an ADMIN key also {@code /admin/**}. No sessions, no cookies,
 * no login page: every request carries its key.
 */
@Configuration(proxyBeanMethods = false)
public class AccessControl {
    private static final String[] AGENT_CALLS = {RestApi.BASE + "/agents/*/heartbeat", RestApi.BASE + "/tasks/claim",
            RestApi.BASE + "/tasks/*/start", RestApi.BASE + "/tasks/*/progress", RestApi.BASE + "/tasks/*/complete",
            RestApi.BASE + "/tasks/*/fail", RestApi.BASE + "/tasks/*/complete-and-claim"};

    @Bean
    SecurityFilterChain access(HttpSecurity http, Authentication authentication) throws Exception {
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .anonymous(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new ApiKeyFilter(authentication), AuthorizationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, failure) -> {
                            boolean invalid = request.getAttribute(ApiKeyFilter.INVALID_TOKEN) != null;
                            response.setHeader("WWW-Authenticate", "Bearer realm=\"orchestra\""
                                    + (invalid ? ", error=\"invalid_token\"" : ""));
                            Object why = request.getAttribute(ApiKeyFilter.REFUSAL);
                            ProblemJson.write(response, 401, "unauthorized", why == null
                                    ? "this call needs an API key: send 'Authorization: Bearer <secret>'"
                                    : why.toString(), request.getRequestURI());
                        })
                        .accessDeniedHandler((request, response, denied) -> ProblemJson.write(response, 403,
                                "forbidden", refusal(request), request.getRequestURI())))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        // The error page renders what went wrong with a request that was already let through.
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(RestApi.BASE + "/admin/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, AGENT_CALLS).hasAnyRole("AGENT", "OPERATOR", "ADMIN")
                        .anyRequest().hasAnyRole("OPERATOR", "ADMIN"))
                .build();
    }

    private static String refusal(HttpServletRequest request) {
        Object who = request.getAttribute(ApiKeyFilter.AUTHENTICATED);
        String role = who instanceof KeyAuthentication known && known.key().isPresent()
                ? known.key().get().role().name() : "local";
        String path = request.getRequestURI();
        return "an " + role + " key may not call " + request.getMethod() + " " + path
                + (path.startsWith(RestApi.BASE + "/admin") ? ": the administration endpoints need an ADMIN key"
                : role.equals("AGENT") ? ": an AGENT key may only heartbeat its agent and claim, start, report"
                + " progress on, complete and fail its agent's tasks" : "");
    }
}
