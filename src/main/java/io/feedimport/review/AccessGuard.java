package io.feedimport.review;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may read the page and replay records. With a token ({@code FEEDIMPORT_WEB_TOKEN}) every request must carry it,
 * as {@code Authorization: Bearer TOKEN} or as the password of HTTP basic authentication (any user name), so a browser
 * asks for it and Prometheus can send it. Without one the page is only served on loopback, and only to requests
 * addressed to a loopback name, so a web site cannot reach it through DNS rebinding. Either way a replay (POST) coming
 * from another site's page is refused, so a link in a mail cannot replay anything.
 */
final class AccessGuard extends OncePerRequestFilter {

    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");

    private final byte[] token;

    /** @param token the token every request must carry, or null when the page is served on loopback only */
    AccessGuard(String token) {
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (token != null && !authorized(request.getHeader("Authorization"))) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"feedimport\", charset=\"UTF-8\"");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "this page needs the token set in FEEDIMPORT_WEB_TOKEN");
            return;
        }
        if (token == null && !LOOPBACK_NAMES.contains(hostName(request.getHeader("Host")))) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "served on loopback only: open it as http://localhost:"
                    + request.getLocalPort() + "/");
            return;
        }
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod()) && crossSite(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "a replay must come from this page, not from another site");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean authorized(String header) {
        if (header == null) {
            return false;
        }
        String presented = null;
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            presented = header.substring(7).trim();
        } else if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String pair = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
                presented = pair.indexOf(':') < 0 ? null : pair.substring(pair.indexOf(':') + 1);
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        // constant time, so the token cannot be guessed a character at a time from response times
        return presented != null && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
    }

    /** Browsers say where a request comes from; scripts (curl, the API's users) say nothing and are let through. */
    private static boolean crossSite(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin != null) {
            String host = request.getHeader("Host");
            return host == null || !(origin.equalsIgnoreCase("http://" + host) || origin.equalsIgnoreCase("https://" + host));
        }
        String site = request.getHeader("Sec-Fetch-Site");
        return site != null && !site.equals("same-origin") && !site.equals("none");
    }

    static String hostName(String hostHeader) {
        if (hostHeader == null) {
            return "";
        }
        String host = hostHeader.toLowerCase(Locale.ROOT).trim();
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(0, end + 1);
        }
        int colon = host.indexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }
}
