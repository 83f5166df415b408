package io.feedimport.review;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class SecurityHeadersTest {

    private final SecurityHeaders headers = new SecurityHeaders();

    @Test
    void aPageMayNotBeFramedLoadsNothingFromElsewhereAndRunsNoScript() throws Exception {
        MockHttpServletResponse response = respond(new MockHttpServletRequest("GET", "/runs/7"), "text/html");

        assertFramingAndSniffingForbidden(response);
        assertThat(response.getHeader("Content-Security-Policy")).contains("default-src 'self'", "script-src 'none'",
                "form-action 'self'");
    }

    @Test
    void theApiAndTheCsvCarryTheSameHeaders() throws Exception {
        assertFramingAndSniffingForbidden(respond(new MockHttpServletRequest("GET", "/api/runs/7/skips"), "application/json"));
        assertFramingAndSniffingForbidden(respond(new MockHttpServletRequest("GET", "/runs/7/skips.csv"), "text/csv"));
    }

    @Test
    void anErrorPageRenderedInItsOwnDispatchCarriesThemToo() throws Exception {
        MockHttpServletRequest error = new MockHttpServletRequest("GET", "/error");
        error.setDispatcherType(DispatcherType.ERROR);

        assertFramingAndSniffingForbidden(respond(error, "text/html"));
    }

    @Test
    void aRefusalFurtherDownTheChainIsSentWithThem() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/runs");
        request.addHeader("Host", "attacker.example");
        MockHttpServletResponse response = new MockHttpServletResponse();

        headers.doFilter(request, response, new MockFilterChain(new jakarta.servlet.http.HttpServlet() { }, new AccessGuard(null)));

        assertThat(response.getStatus()).isEqualTo(HttpServletResponse.SC_FORBIDDEN);
        assertFramingAndSniffingForbidden(response);
    }

    @Test
    void noTemplateHasAnInlineStyleOrScriptThePolicyWouldBlock() throws Exception {
        try (var templates = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/templates"))) {
            for (java.nio.file.Path template : templates.toList()) {
                assertThat(java.nio.file.Files.readString(template)).as(template.toString())
                        .doesNotContainPattern("(?i)<script|<style|\\sstyle=|th:style|\\son[a-z]+=");
            }
        }
    }

    private MockHttpServletResponse respond(MockHttpServletRequest request, String contentType) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        headers.doFilter(request, response, (req, res) -> res.setContentType(contentType));
        return response;
    }

    private static void assertFramingAndSniffingForbidden(MockHttpServletResponse response) {
        assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.getHeader("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeader("Referrer-Policy")).isEqualTo("same-origin");
    }
}
