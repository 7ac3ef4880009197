package dev.orchestra.adapter.rest.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What is checked before a request reaches a controller, each refusal a problem that says why: a body
 * larger than the API accepts (413, by its declared length and again by the bytes actually read, so a
 * chunked body cannot slip past), a Content-Type that is malformed or a wildcard (415), and a query
 * string that is not percent-encoded UTF-8 (400).
 */
public final class RequestGuard extends OncePerRequestFilter {
    /** A path (the whole request URI, as a pattern) whose bodies have their own limit. */
    public record Limit(Pattern path, long maxBytes) {
    }

    private final long maxBytes;
    private final List<Limit> limits;

    /** Bodies of at most {@code maxBytes}, except on the paths of {@code limits}, the first that matches. */
    public RequestGuard(long maxBytes, List<Limit> limits) {
        this.maxBytes = maxBytes;
        this.limits = List.copyOf(limits);
    }

    private long limitOf(String uri) {
        for (Limit limit : limits) {
            if (limit.path().matcher(uri).matches()) {
                return limit.maxBytes();
            }
        }
        return maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String instance = request.getRequestURI();
        long limit = limitOf(instance);
        long length = request.getContentLengthLong();
        if (length > limit) {
            ProblemJson.write(response, 413, "payload-too-large", tooLarge(limit) + "; this one declares "
                    + length, instance);
            return;
        }
        String contentType = request.getContentType();
        MediaType type = null;
        if (contentType != null) {
            String problem;
            try {
                type = MediaType.parseMediaType(contentType);
                problem = mediaTypeProblem(contentType, type);
            } catch (InvalidMediaTypeException e) {
                problem = "Content-Type '" + contentType + "' is not a media type; send application/json";
            }
            if (problem != null) {
                ProblemJson.write(response, 415, "unsupported-media-type", problem, instance);
                return;
            }
        }
        if (instance.indexOf(';') >= 0) {
            // The container would drop ";..." from a segment before the id is read: "a;b" would act on "a".
            ProblemJson.write(response, 400, "malformed-path", "the path holds a ';' (path parameters are not"
                    + " part of this API; percent-encode it as %3B if it belongs to an id)", instance);
            return;
        }
        String query = request.getQueryString();
        if (query != null && !isPercentEncodedUtf8(query)) {
            ProblemJson.write(response, 400, "malformed-query",
                    "the query string is not percent-encoded UTF-8 (a '%' must be followed by two hex digits "
                            + "and the bytes must form UTF-8 text)", instance);
            return;
        }
        // A JSON body's charset, if named, is UTF-8 by now (any other was refused above).
        chain.doFilter(new Limited(request, limit, type != null && isJson(type)), response);
    }

    private static boolean isJson(MediaType type) {
        return type.getSubtype().equals("json") || type.getSubtype().endsWith("+json");
    }

    static String tooLarge(long limit) {
        return "the body is larger than the " + limit + " bytes accepted";
    }

    private static String mediaTypeProblem(String contentType, MediaType type) {
        if (type.isWildcardType() || type.isWildcardSubtype()) {
            return "Content-Type '" + contentType + "' is a wildcard; send a concrete type such as application/json";
        }
        // RFC 8259: JSON between systems is UTF-8. Declared UTF-16 was read as whatever Jackson detected, so
        // the UTF-8 check below could be stepped around by naming another charset.
        if (isJson(type) && type.getCharset() != null && !type.getCharset().equals(StandardCharsets.UTF_8)) {
            return "Content-Type '" + contentType + "' names the charset " + type.getCharset().name()
                    + "; a JSON body is UTF-8 (send charset=utf-8 or none)";
        }
        return null;
    }

    /** Tomcat would refuse bad escapes deep inside parameter parsing; here the client is told. */
    static boolean isPercentEncodedUtf8(String query) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(query.length());
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '%') {
                if (i + 2 >= query.length() || Character.digit(query.charAt(i + 1), 16) < 0
                        || Character.digit(query.charAt(i + 2), 16) < 0) {
                    return false;
                }
                bytes.write(Integer.parseInt(query.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c > 0x7e || c < 0x20) {
                return false;
            } else {
                bytes.write(c);
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The request with a body that stops at the limit: the read fails with {@link BodyTooLarge}. */
    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;
        private final boolean utf8;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit, boolean utf8) {
            super(request);
            this.limit = limit;
            this.utf8 = utf8;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), limit, utf8 ? new Utf8Check() : null);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    encoding == null ? StandardCharsets.UTF_8.name() : encoding));
        }
    }

    private static final class CountingStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private final Utf8Check utf8;
        private long read;

        CountingStream(ServletInputStream in, long limit, Utf8Check utf8) {
            this.in = in;
            this.limit = limit;
            this.utf8 = utf8;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
                if (utf8 != null) {
                    utf8.accept(b, read - 1);
                }
            } else if (utf8 != null) {
                utf8.end(read);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
                if (utf8 != null) {
                    for (int i = 0; i < n; i++) {
                        utf8.accept(buffer[offset + i] & 0xff, read - n + i);
                    }
                }
            } else if (n < 0 && utf8 != null) {
                utf8.end(read);
            }
            return n;
        }

        private void count(int n) throws BodyTooLarge {
            read += n;
            if (read > limit) {
                throw new BodyTooLarge(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }

    /**
     * UTF-8 as RFC 3629 has it, byte by byte across reads. Jackson's reader decodes overlong forms: C0 AF
     * became '/', so bytes that hold no '/' (or '.', or NUL) could carry one past a check on the raw body.
     * Overlong forms, surrogates, code points past U+10FFFF and cut-off sequences are refused.
     */
    static final class Utf8Check {
        private int needed;
        private int low = 0x80;
        private int high = 0xbf;

        void accept(int b, long at) throws BodyNotUtf8 {
            if (needed == 0) {
                if (b < 0x80) {
                    return;
                }
                low = 0x80;
                high = 0xbf;
                if (b >= 0xc2 && b <= 0xdf) {
                    needed = 1;
                } else if (b >= 0xe0 && b <= 0xef) {
                    needed = 2;
                    low = b == 0xe0 ? 0xa0 : 0x80;
                    high = b == 0xed ? 0x9f : 0xbf;
                } else if (b >= 0xf0 && b <= 0xf4) {
                    needed = 3;
                    low = b == 0xf0 ? 0x90 : 0x80;
                    high = b == 0xf4 ? 0x8f : 0xbf;
                } else {
                    throw new BodyNotUtf8(b, at);
                }
                return;
            }
            if (b < low || b > high) {
                throw new BodyNotUtf8(b, at);
            }
            low = 0x80;
            high = 0xbf;
            needed--;
        }

        void end(long at) throws BodyNotUtf8 {
            if (needed > 0) {
                throw new BodyNotUtf8(-1, at);
            }
        }
    }

    /** Thrown while reading a JSON body that is not UTF-8; the advice answers it with 400. */
    public static final class BodyNotUtf8 extends IOException {
        BodyNotUtf8(int b, long at) {
            super(b < 0 ? "the body is not UTF-8: it ends inside a character (byte " + at + ")"
                    : String.format("the body is not UTF-8: byte 0x%02X at offset %d (overlong forms, surrogates"
                    + " and bytes that start no character are refused)", b, at));
        }
    }

    /** Thrown while reading a body past the limit; the advice answers it with 413. */
    public static final class BodyTooLarge extends IOException {
        public BodyTooLarge(long limit) {
            super(tooLarge(limit));
        }
    }
}
