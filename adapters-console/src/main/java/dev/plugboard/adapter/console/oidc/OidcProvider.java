package dev.plugboard.adapter.console.oidc;

import dev.plugboard.domain.time.Durations;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import dev.plugboard.adapter.console.session.ExternalSignIn;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * The configured OpenID provider, spoken to through the Nimbus OAuth2 SDK: its discovery document
 * (read on first use and kept), the authorization request with state, nonce and a PKCE S256
 * challenge, the code exchange (with the client secret when there is one, else as a public
 * client), and the ID token's checks (signature by the provider's keys, iss, aud, exp, nonce).
 */
@Singleton
@Requires(property = OidcProvider.ISSUER)
final class OidcProvider implements ExternalSignIn {

    static final String PREFIX = "plugboard.console.oidc.";
    static final String ISSUER = PREFIX + "issuer";
    static final String PATH = "/console/oidc/";
    private static final int TIMEOUT_MILLIS = 5_000;
    private static final Logger LOG = LoggerFactory.getLogger(OidcProvider.class);

    private final Issuer issuer;
    private final ClientID clientId;
    private final Secret secret;
    private final String name;
    private final Scope scope;
    private final int skewSeconds;
    private volatile Discovered discovered;

    private record Discovered(OIDCProviderMetadata metadata, IDTokenValidator validator) {
    }

    OidcProvider(@Value("${" + ISSUER + "}") String issuer, @Value("${" + PREFIX + "client-id:}") String clientId,
                 @Value("${" + PREFIX + "client-secret:}") String clientSecret,
                 @Value("${" + PREFIX + "provider-name:}") String name,
                 @Value("${" + PREFIX + "scopes:openid,profile,email}") List<String> scopes,
                 @Value("${plugboard.auth.clock-skew:60s}") String clockSkew) {
        this.issuer = new Issuer(issuer.strip());
        this.clientId = new ClientID(clientId.strip());
        this.secret = clientSecret.isBlank() ? null : new Secret(clientSecret.strip());
        this.name = name.isBlank() ? URI.create(issuer.strip()).getHost() : name.strip();
        Scope requested = new Scope("openid");
        scopes.stream().map(String::strip).filter(s -> !s.isEmpty()).forEach(requested::add);
        this.scope = requested;
        this.skewSeconds = (int) Durations.parse("plugboard.auth.clock-skew", clockSkew).toSeconds();
    }

    @Override
    public String label() {
        return "Sign in with " + name;
    }

    @Override
    public String startPath() {
        return PATH + "sign-in";
    }

    @Override
    public String publicPrefix() {
        return PATH;
    }

    /** Where the browser goes to sign in at the provider. */
    URI authorization(URI redirect, OidcFlow flow) throws OidcRefusal {
        return new AuthenticationRequest.Builder(ResponseType.CODE, scope, clientId, redirect)
                .endpointURI(discovered().metadata().getAuthorizationEndpointURI())
                .state(flow.state()).nonce(flow.nonce()).codeChallenge(flow.verifier(), CodeChallengeMethod.S256)
                .build().toURI();
    }

    /** Trades the code for tokens, proving with the verifier that this server started the flow. */
    JWT exchange(AuthorizationCode code, URI redirect, CodeVerifier verifier) throws OidcRefusal {
        OIDCProviderMetadata metadata = discovered().metadata();
        AuthorizationCodeGrant grant = new AuthorizationCodeGrant(code, redirect, verifier);
        URI endpoint = metadata.getTokenEndpointURI();
        TokenRequest request;
        if (secret == null) {
            request = new TokenRequest(endpoint, clientId, grant, null);
        } else if (postsSecret(metadata)) {
            request = new TokenRequest(endpoint, new ClientSecretPost(clientId, secret), grant);
        } else {
            request = new TokenRequest(endpoint, new ClientSecretBasic(clientId, secret), grant);
        }
        try {
            HTTPRequest http = request.toHTTPRequest();
            http.setConnectTimeout(TIMEOUT_MILLIS);
            http.setReadTimeout(TIMEOUT_MILLIS);
            TokenResponse response = OIDCTokenResponseParser.parse(http.send());
            if (!response.indicatesSuccess()) {
                ErrorObject error = response.toErrorResponse().getErrorObject();
                throw new OidcRefusal(HttpStatus.BAD_GATEWAY, "The identity provider refused to exchange the sign-in code ("
                        + error.getCode() + "). Start the sign-in again; if it keeps failing, an operator should check"
                        + " the console's OIDC client settings.");
            }
            JWT idToken = ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens().getIDToken();
            if (idToken == null) {
                throw new OidcRefusal(HttpStatus.BAD_GATEWAY, "The identity provider answered without an ID token;"
                        + " an operator should check that the client may use the openid scope.");
            }
            return idToken;
        } catch (IOException | ParseException | ClassCastException e) {
            LOG.warn("Console sign-in: the token endpoint of {} gave no usable answer: {}", issuer, e.getMessage());
            throw new OidcRefusal(HttpStatus.BAD_GATEWAY, "The identity provider's token endpoint could not be reached"
                    + " or gave no usable answer. Try again later, or tell an operator.");
        }
    }

    /** The ID token's claims once its signature, issuer, audience, times and nonce have been checked. */
    IDTokenClaimsSet validate(JWT idToken, Nonce nonce) throws OidcRefusal {
        try {
            return discovered().validator().validate(idToken, nonce);
        } catch (BadJOSEException refused) {
            throw new OidcRefusal(HttpStatus.UNAUTHORIZED, "The identity provider's ID token was refused: "
                    + refused.getMessage() + ". Start the sign-in again.");
        } catch (JOSEException broken) {
            throw new OidcRefusal(HttpStatus.BAD_GATEWAY, "The identity provider's ID token could not be checked: "
                    + broken.getMessage() + ". Try again later, or tell an operator.");
        }
    }

    private Discovered discovered() throws OidcRefusal {
        Discovered known = discovered;
        if (known != null) {
            return known;
        }
        try {
            OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(issuer, TIMEOUT_MILLIS, TIMEOUT_MILLIS);
            IDTokenValidator validator = new IDTokenValidator(issuer, clientId, algorithm(metadata),
                    metadata.getJWKSetURI().toURL());
            validator.setMaxClockSkew(skewSeconds);
            known = new Discovered(metadata, validator);
            discovered = known;
            return known;
        } catch (GeneralException | IOException | RuntimeException e) {
            LOG.warn("Console sign-in: the OpenID configuration of {} could not be read: {}", issuer, e.getMessage());
            throw new OidcRefusal(HttpStatus.BAD_GATEWAY, "The identity provider " + issuer + " could not be reached,"
                    + " or did not answer with its OpenID configuration. Try again later, or tell an operator.");
        }
    }

    /** RS256 unless the provider signs ID tokens only otherwise; never "none". */
    private static JWSAlgorithm algorithm(OIDCProviderMetadata metadata) {
        List<JWSAlgorithm> offered = metadata.getIDTokenJWSAlgs();
        if (offered == null || offered.isEmpty() || offered.contains(JWSAlgorithm.RS256)) {
            return JWSAlgorithm.RS256;
        }
        return offered.stream().filter(alg -> !JWSAlgorithm.Family.HMAC_SHA.contains(alg) && !"none".equals(alg.getName()))
                .findFirst().orElse(JWSAlgorithm.RS256);
    }

    private static boolean postsSecret(OIDCProviderMetadata metadata) {
        List<ClientAuthenticationMethod> methods = metadata.getTokenEndpointAuthMethods();
        return methods != null && !methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                && methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_POST);
    }
}
