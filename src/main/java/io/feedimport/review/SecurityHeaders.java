package io.feedimport.review;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells the browser to keep the review page to itself, on every response (pages, API, CSV, error pages and the
 * refusals of {@link AccessGuard}): it may not be framed, so a page of another site cannot lay the Replay button under
 * a click of its own (a framed POST is same-origin and passes the guard's Origin check); it loads nothing from
 * elsewhere and runs no script (the page has none); responses are not sniffed into another type; and the page's
 * address, with its filters, is not sent to other sites.
 */
final class SecurityHeaders extends OncePerRequestFilter {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none';"
            + " form-action 'self'; frame-ancestors 'none'";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // set before the chain runs: whatever answers next (a refusal, an error page) commits these with it
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        chain.doFilter(request, response);
    }

    /** An error page is rendered in a dispatch of its own, after the response may have been reset. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
