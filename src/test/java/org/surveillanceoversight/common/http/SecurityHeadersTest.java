package org.surveillanceoversight.common.http;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The headers a browser needs to treat the API's answers as data: no sniffing, no referrer, no
 * framing on every answer; on API answers a policy that lets nothing load; on the Swagger page a
 * policy under which each of its own scripts and styles loads (read from the page itself).
 */
@QuarkusTest
public class SecurityHeadersTest {

    private static final Pattern SCRIPT = Pattern.compile("<script([^>]*)>(.*?)</script>", Pattern.DOTALL);
    private static final Pattern SRC = Pattern.compile("src=\"([^\"]+)\"");
    private static final Pattern STYLESHEET = Pattern.compile("<link[^>]*rel=\"stylesheet\"[^>]*href=\"([^\"]+)\"");

    private static void everyAnswerHeaders(Response r, String what) {
        assertEquals("nosniff", r.header("X-Content-Type-Options"), what);
        assertEquals("no-referrer", r.header("Referrer-Policy"), what);
        assertEquals("DENY", r.header("X-Frame-Options"), what);
    }

    @Test
    void everyAnswerForbidsSniffingReferrersAndFramingAndApiAnswersLoadNothing() {
        Map<String, Response> answers = Map.of(
                "a list", given().get("/api/v1/deployments?limit=1"),
                "a 404 problem", given().get("/api/v1/deployments/00000000-0000-0000-0000-000000000000"),
                "a 400 problem", given().get("/api/v1/deployments?limit=ten"),
                "a 401 problem", given().contentType("application/json").body("{}").post("/api/v1/sources"),
                "an unknown path", given().get("/api/v1/nothing-here"),
                "an export", given().get("/api/v1/exports/deployments?country=UA"),
                "the spec", given().get("/q/openapi"),
                "readiness", given().get("/q/health/ready"));
        answers.forEach((what, r) -> everyAnswerHeaders(r, what));
        answers.forEach((what, r) -> {
            if (what.startsWith("a ") || what.startsWith("an ")) {
                assertEquals("default-src 'none'; frame-ancestors 'none'", r.header("Content-Security-Policy"), what);
            }
        });
    }

    @Test
    void theSwaggerPageLoadsItsOwnScriptsAndStylesUnderItsPolicy() throws Exception {
        Response page = given().get("/q/swagger-ui/");
        page.then().statusCode(200);
        everyAnswerHeaders(page, "the Swagger page");
        String policy = page.header("Content-Security-Policy");
        assertTrue(policy != null && policy.contains("default-src 'none'"), "the page has a restrictive policy: " + policy);
        List<String> scriptSources = directive(policy, "script-src");
        List<String> styleSources = directive(policy, "style-src");
        assertFalse(scriptSources.contains("'unsafe-inline'"), "inline scripts are allowed by hash, not wholesale");
        String html = page.asString();
        Matcher m = SCRIPT.matcher(html);
        int scripts = 0;
        while (m.find()) {
            scripts++;
            Matcher src = SRC.matcher(m.group(1));
            if (src.find()) {
                String url = src.group(1);
                assertFalse(url.contains("://"), "a script from another origin: " + url);
                assertTrue(scriptSources.contains("'self'"), "script-src lacks 'self' for " + url);
                given().get("/q/swagger-ui/" + url).then().statusCode(200);
            } else {
                String hash = "'sha256-" + Base64.getEncoder().encodeToString(sha256(m.group(2))) + "'";
                assertTrue(scriptSources.contains(hash), "an inline script the policy does not allow; add " + hash
                        + " to script-src (the page changed)");
            }
        }
        assertTrue(scripts >= 3, "the page's scripts were not found");
        Matcher css = STYLESHEET.matcher(html);
        int sheets = 0;
        while (css.find()) {
            sheets++;
            String url = css.group(1);
            assertFalse(url.contains("://"), "a stylesheet from another origin: " + url);
            assertTrue(styleSources.contains("'self'"), "style-src lacks 'self' for " + url);
            given().get("/q/swagger-ui/" + url).then().statusCode(200);
        }
        assertTrue(sheets >= 1, "the page's stylesheets were not found");
        assertTrue(directive(policy, "connect-src").contains("'self'"), "the page must fetch the spec from the service");
    }

    @Test
    void aSubmissionsFreeTextComesBackVerbatimAsDataNeverAsMarkup() {
        String text = "<script>alert('x')</script><img src=x onerror=alert(1)> & \"quotes\" \u202e\u0007 ünïcödé";
        String id = given().contentType("application/json").body(Map.of("kind", "tip", "message", text))
                .post("/api/v1/submissions").then().statusCode(202).extract().path("id");
        Response read = given().auth().oauth2(org.surveillanceoversight.auth.ApiKeyTest.newKey("reviewer"))
                .get("/api/v1/submissions/" + id);
        read.then().statusCode(200).contentType("application/json");
        assertEquals(text, read.jsonPath().getString("message"), "the text comes back as it was sent");
        everyAnswerHeaders(read, "a submission");
        assertEquals("default-src 'none'; frame-ancestors 'none'", read.header("Content-Security-Policy"));
    }

    private static List<String> directive(String policy, String name) {
        for (String part : policy.split(";")) {
            List<String> tokens = new ArrayList<>(List.of(part.trim().split("\\s+")));
            if (!tokens.isEmpty() && tokens.get(0).equals(name)) {
                return tokens.subList(1, tokens.size());
            }
        }
        return List.of();
    }

    private static byte[] sha256(String s) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    }
}
