package dev.orchestra.adapter.rest.access;

import dev.orchestra.application.access.Authentication;
import dev.orchestra.domain.access.ApiKey;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads {@code Authorization: Bearer <secret>} and, for a key that is active, makes it the request's
 * authentication; otherwise it notes why not (for the 401 the entry point writes) and lets authorisation decide,
 * so the open paths (health, the OpenAPI document) stay open. With no key stored, a loopback caller may do
 * everything, as before keys existed.
 */
final class ApiKeyFilter extends OncePerRequestFilter {
    /** The request attribute holding why the request is not authenticated. */
    static final String REFUSAL = ApiKeyFilter.class.getName() + ".refusal";
    /** Set when a credential was sent and refused: the 401 then says {@code error="invalid_token"}. */
    static final String INVALID_TOKEN = ApiKeyFilter.class.getName() + ".invalid";
    /** The request's authentication, kept for its later dispatches (a waiting claim answers asynchronously). */
    static final String AUTHENTICATED = ApiKeyFilter.class.getName() + ".authenticated";

    private final Authentication authentication;

    ApiKeyFilter(Authentication authentication) {
        this.authentication = authentication;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Object earlier = request.getAttribute(AUTHENTICATED);
        String header = request.getHeader("Authorization");
        if (earlier instanceof KeyAuthentication who) {
            authenticate(request, who); // an async or error dispatch of a request already authenticated
        } else if (request.getAttribute(REFUSAL) != null) {
            // refused at its first dispatch: stays refused
        } else if (!authentication.keysRequired()) {
            if (loopback(request)) {
                authenticate(request, KeyAuthentication.local());
            } else {
                request.setAttribute(REFUSAL, "no API key is stored yet, so only callers on this machine are served;"
                        + " create one with 'orchestra keys create --tenant <tenant> --role ADMIN --name <name>'");
            }
        } else if (header == null || header.isBlank()) {
            request.setAttribute(REFUSAL, "this call needs an API key: send 'Authorization: Bearer <secret>'");
        } else if (header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            refuse(request, "the Authorization header must be 'Bearer <secret>' (an API key)");
        } else {
            Optional<ApiKey> key = authentication.authenticate(header.substring(7).strip());
            if (key.isPresent()) {
                authenticate(request, KeyAuthentication.of(key.get()));
            } else {
                refuse(request, "the API key is not valid: unknown, revoked or malformed");
            }
        }
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    private static void authenticate(HttpServletRequest request, KeyAuthentication who) {
        request.setAttribute(AUTHENTICATED, who);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(who);
        SecurityContextHolder.setContext(context);
    }

    private static void refuse(HttpServletRequest request, String why) {
        request.setAttribute(REFUSAL, why);
        request.setAttribute(INVALID_TOKEN, Boolean.TRUE);
    }

    private static boolean loopback(HttpServletRequest request) {
        try {
            // A literal address from the container: no name lookup happens.
            return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }
}
