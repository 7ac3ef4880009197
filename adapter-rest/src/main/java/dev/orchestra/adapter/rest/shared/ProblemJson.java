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
}
