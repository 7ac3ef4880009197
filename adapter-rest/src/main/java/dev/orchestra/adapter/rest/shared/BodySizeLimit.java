package dev.orchestra.adapter.rest.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/** Refuses a body larger than the API accepts with 413 before reading it. */
public final class BodySizeLimit extends OncePerRequestFilter {
    private final long maxBytes;
    private final String largeUploadPath;
    private final long maxUploadBytes;

    /** {@code largeUploadPath} (legacy files can be large) may carry up to {@code maxUploadBytes}. */
    public BodySizeLimit(long maxBytes, String largeUploadPath, long maxUploadBytes) {
        this.maxBytes = maxBytes;
        this.largeUploadPath = largeUploadPath;
        this.maxUploadBytes = maxUploadBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        long limit = request.getRequestURI().equals(largeUploadPath) ? maxUploadBytes : maxBytes;
        if (length > limit) {
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write("{\"type\":\"" + Problems.TYPE_PREFIX + "payload-too-large\","
                    + "\"title\":\"Payload Too Large\",\"status\":413,\"detail\":\"the body has " + length
                    + " bytes; at most " + limit + " are accepted\",\"instance\":\""
                    + request.getRequestURI().replace("\"", "") + "\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
