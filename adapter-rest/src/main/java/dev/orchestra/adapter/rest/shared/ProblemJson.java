package dev.orchestra.adapter.rest.shared;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * A problem written straight to the servlet response, for the places that answer before (or outside)
 * Spring MVC: the request guard, the error page and Tomcat's own error reports. Strings are escaped
 * here because no JSON mapper is at hand there.
 */
public final class ProblemJson {
    private ProblemJson() {
    }

    public static void write(HttpServletResponse response, int status, String type, String detail,
                             String instance) throws IOException {
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
        quote(out, Problems.TYPE_PREFIX + type);
        out.append(",\"title\":");
        quote(out, known == null ? "Error " + status : known.getReasonPhrase());
        out.append(",\"status\":").append(status).append(",\"detail\":");
        quote(out, detail);
        out.append(",\"instance\":");
        quote(out, instance == null || instance.isEmpty() ? "/" : instance);
        return out.append('}').toString();
    }

    private static void quote(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c) && !validPair(value, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean validPair(String s, int i) {
        char c = s.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
