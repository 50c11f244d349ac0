package dev.plugboard.adapter.rest.contract;

import java.net.URI;

/** Where the API under test listens and the HS256 secret its tokens are signed with: one per environment. */
public interface ApiTarget {

    URI baseUrl();

    String jwtSecret();
}
