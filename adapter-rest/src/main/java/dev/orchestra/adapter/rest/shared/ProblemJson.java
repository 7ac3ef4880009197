package dev.orchestra.adapter.rest.shared;

import dev.orchestra.domain.shared.JsonText;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * A problem written straight to the servlet response, for the places that answer before (or outside)
 * Spring MVC: the request guard, the error page and Tomcat's own error reports, where no JSON mapper is
 * at hand. Each is logged as one line, like the advice's problems.
 */
public final class ProblemJson {
    static final String NO_RESOURCE = "there is no resource at this path";

    private ProblemJson() {
    }

    public static void write(HttpServletResponse response, int status, String type, String detail,
                             String instance) throws IOException {
        Problems.logged(status, type, detail, instance);
        response.resetBuffer();
        response.setStatus(status);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        Writer out = response.getWriter();
        out.write(json(status, type, detail, instance));
        out.flush();
    }

    public static String json(int status, String type, String detail, String instance) {
        HttpStatus known = HttpStatus.resolve(status);
        StringBuilder out = new StringBuilder("{\"type\":");
        JsonText.quote(out, Problems.TYPE_PREFIX + type);
        out.append(",\"title\":");
        JsonText.quote(out, known == null ? "Error " + status : known.getReasonPhrase());
        out.append(",\"status\":").append(status).append(",\"detail\":");
        JsonText.quote(out, detail);
        out.append(",\"instance\":");
        JsonText.quote(out, instance == null || instance.isEmpty() ? "/" : instance);
        return out.append('}').toString();
    }

    /** What the container's own refusals mean, said once for the error page and Tomcat's reports. */
    public static String containerDetail(int status) {
        return switch (status) {
            case 400 -> "the request is malformed: its path, a header or its framing cannot be read";
            case 404 -> NO_RESOURCE;
            case 405 -> "this method is not allowed here";
            case 413 -> "the request is too large";
            case 414 -> "the URL is too long";
            case 431 -> "the request headers are too large";
            case 500 -> "the service failed; the log has the details";
            case 505 -> "this HTTP version is not supported";
            default -> HttpStatus.resolve(status) == null ? "the request failed"
                    : HttpStatus.resolve(status).getReasonPhrase();
        };
    }
}
