package dev.orchestra.adapter.rest.admin;

import dev.orchestra.adapter.rest.shared.ProblemJson;
import dev.orchestra.application.maintenance.StoreBackups;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While a restore replaces the store, every other call answers 503 "restoring" with a Retry-After, instead of
 * reading rows that are about to go or writing rows the restore would drop.
 */
public final class RestoreGate extends OncePerRequestFilter {
    static final int RETRY_AFTER_SECONDS = 5;
    private final java.util.function.Supplier<StoreBackups> lookup;
    private volatile StoreBackups backups;

    /**
     * Looked up at the first request: a filter is built while the web server starts, before the store opens,
     * and a store that cannot open must say so itself, not as this filter's failed dependency.
     */
    public RestoreGate(java.util.function.Supplier<StoreBackups> lookup) {
        this.lookup = lookup;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        StoreBackups known = backups;
        if (known == null) {
            known = lookup.get();
            backups = known;
        }
        if (known.restoring()) {
            response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
            ProblemJson.write(response, 503, "restoring", "the store is being restored from a backup; try again in a"
                    + " few seconds", request.getRequestURI());
            return;
        }
        chain.doFilter(request, response);
    }
}
