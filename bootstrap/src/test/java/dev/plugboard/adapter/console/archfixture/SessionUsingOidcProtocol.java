package dev.plugboard.adapter.console.archfixture;

import com.nimbusds.oauth2.sdk.id.State;

/** Breaks "only the console's oidc package speaks OpenID Connect": a class elsewhere handling a flow's state. */
public class SessionUsingOidcProtocol {
    public boolean matches(String presented, State expected) {
        return expected.getValue().equals(presented);
    }
}
