package dev.orchestra.adapter.rest.shared;

import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.ExceptionUtils;

/**
 * Tomcat's own error reports (a request line or header it refuses before any servlet runs: an encoded
 * slash or NUL in the path, an over-long URL or header, broken chunking) as problems, not HTML pages.
 */
public final class ProblemErrorValve extends ErrorReportValve {
    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            String uri = request.getDecodedRequestURI();
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getReporter().write(ProblemJson.json(status, "http-" + status,
                    ProblemJson.containerDetail(status), uri == null || uri.isEmpty() ? "/" : uri));
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            ExceptionUtils.handleThrowable(e);
        }
    }
}
