package dev.plugboard.adapter.rest.http;

import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Content-Security-Policy of HTML pages: scripts only from this server, plus the one inline
 * script of the bundled Swagger UI page, allowed by its SHA-256 hash rather than by
 * {@code 'unsafe-inline'}, so an injected script cannot run.
 */
@Singleton
final class ContentSecurityPolicy {

    static final String SWAGGER_UI_PAGE = "META-INF/swagger/views/swagger-ui/index.html";
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL);

    private final String policy;

    ContentSecurityPolicy() {
        String scripts = String.join(" ", inlineScriptHashes());
        this.policy = "default-src 'self'; script-src 'self'" + (scripts.isEmpty() ? "" : " " + scripts)
                // Swagger UI sets style attributes from script; styles cannot run code.
                + "; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'"
                + "; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    String forHtml() {
        return policy;
    }

    private static List<String> inlineScriptHashes() {
        List<String> hashes = new ArrayList<>();
        try (InputStream page = ContentSecurityPolicy.class.getClassLoader().getResourceAsStream(SWAGGER_UI_PAGE)) {
            if (page == null) {
                return hashes;
            }
            Matcher script = INLINE_SCRIPT.matcher(new String(page.readAllBytes(), StandardCharsets.UTF_8));
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            while (script.find()) {
                byte[] digest = sha256.digest(script.group(1).getBytes(StandardCharsets.UTF_8));
                hashes.add("'sha256-" + Base64.getEncoder().encodeToString(digest) + "'");
            }
            return hashes;
        } catch (IOException | NoSuchAlgorithmException e) {
            // Without the hash the page's own script is blocked, which is safe; the API is unaffected.
            return hashes;
        }
    }
}
