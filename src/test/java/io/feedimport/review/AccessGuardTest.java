package io.feedimport.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class AccessGuardTest {

    @Nested
    class WithoutAToken {

        private final AccessGuard guard = new AccessGuard(null);

        @Test
        void aPageAskedForByALoopbackNameIsServed() throws Exception {
            assertThat(status(guard, get("localhost:8080"))).isEqualTo(200);
            assertThat(status(guard, get("127.0.0.1:8080"))).isEqualTo(200);
            assertThat(status(guard, get("[::1]:8080"))).isEqualTo(200);
        }

        @Test
        void aRequestForAnotherHostNameIsRefusedSoDnsRebindingCannotReachThePage() throws Exception {
            assertThat(status(guard, get("attacker.example:8080"))).isEqualTo(403);
            assertThat(status(guard, get(null))).isEqualTo(403);
        }

        @Test
        void aReplayPostedFromAnotherSitesPageIsRefused() throws Exception {
            assertThat(status(guard, post("localhost:8080", "https://evil.example", null))).isEqualTo(403);
            assertThat(status(guard, post("localhost:8080", "null", null))).as("a sandboxed frame").isEqualTo(403);
            assertThat(status(guard, post("localhost:8080", null, "cross-site"))).isEqualTo(403);
        }

        @Test
        void aReplayFromThePageItselfOrFromAScriptGoesThrough() throws Exception {
            assertThat(status(guard, post("localhost:8080", "http://localhost:8080", "same-origin"))).isEqualTo(200);
            assertThat(status(guard, post("localhost:8080", null, null))).as("curl says nothing").isEqualTo(200);
        }
    }

    @Nested
    class WithAToken {

        private final AccessGuard guard = new AccessGuard("s3cret");

        @Test
        void aRequestWithoutTheTokenIsAskedForItAsBasicAuthentication() throws Exception {
            MockHttpServletResponse response = respond(guard, get("feeds.example.com"));

            assertThat(response.getStatus()).isEqualTo(401);
            assertThat(response.getHeader("WWW-Authenticate")).startsWith("Basic realm=\"feedimport\"");
        }

        @Test
        void theTokenIsAcceptedAsABearerOrAsTheBasicPasswordFromAnyHost() throws Exception {
            assertThat(status(guard, authorized(get("feeds.example.com"), "Bearer s3cret"))).isEqualTo(200);
            assertThat(status(guard, authorized(get("10.0.0.5:8080"), basic("ops:s3cret")))).isEqualTo(200);
            assertThat(status(guard, authorized(get("10.0.0.5:8080"), basic("s3cret:")))).as("the user is not the token")
                    .isEqualTo(401);
        }

        @Test
        void aWrongOrMangledTokenIsRefused() throws Exception {
            assertThat(status(guard, authorized(get("h"), "Bearer s3cre"))).isEqualTo(401);
            assertThat(status(guard, authorized(get("h"), "Bearer s3cret2"))).isEqualTo(401);
            assertThat(status(guard, authorized(get("h"), "Basic %%%not-base64"))).isEqualTo(401);
            assertThat(status(guard, authorized(get("h"), "Digest s3cret"))).isEqualTo(401);
        }

        @Test
        void evenWithTheTokenAReplayPostedFromAnotherSiteIsRefused() throws Exception {
            MockHttpServletRequest forged = authorized(post("feeds.example.com", "https://evil.example", "cross-site"), "Bearer s3cret");

            assertThat(status(guard, forged)).isEqualTo(403);
            assertThat(status(guard, authorized(post("feeds.example.com", "https://feeds.example.com", "same-origin"),
                    "Bearer s3cret"))).isEqualTo(200);
        }
    }

    private static MockHttpServletRequest get(String host) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/runs");
        request.removeHeader("Host");
        if (host != null) {
            request.addHeader("Host", host);
        }
        return request;
    }

    private static MockHttpServletRequest post(String host, String origin, String fetchSite) {
        MockHttpServletRequest request = get(host);
        request.setMethod("POST");
        request.setRequestURI("/parked/2/10/replay");
        if (origin != null) {
            request.addHeader("Origin", origin);
        }
        if (fetchSite != null) {
            request.addHeader("Sec-Fetch-Site", fetchSite);
        }
        return request;
    }

    private static MockHttpServletRequest authorized(MockHttpServletRequest request, String authorization) {
        request.addHeader("Authorization", authorization);
        return request;
    }

    private static String basic(String pair) {
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static int status(AccessGuard guard, MockHttpServletRequest request) throws Exception {
        return respond(guard, request).getStatus();
    }

    private static MockHttpServletResponse respond(AccessGuard guard, MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        guard.doFilter(request, response, chain);
        assertThat(chain.getRequest() != null).as("passed on exactly when allowed").isEqualTo(response.getStatus() == 200);
        return response;
    }
}
