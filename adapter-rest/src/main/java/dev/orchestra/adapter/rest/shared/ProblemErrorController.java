package dev.orchestra.adapter.rest.shared;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The error page of the container (what Tomcat or a filter reports with sendError: a 405 for TRACE, a
 * 404 outside the API), answered as a problem instead of Spring Boot's default JSON or an HTML page.
 */
@RestController
public class ProblemErrorController implements ErrorController {
    @RequestMapping("${server.error.path:/error}")
    public void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : HttpStatus.INTERNAL_SERVER_ERROR.value();
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        ProblemJson.write(response, status, "http-" + status, ProblemJson.containerDetail(status),
                uri == null ? request.getRequestURI() : uri.toString());
    }
}
