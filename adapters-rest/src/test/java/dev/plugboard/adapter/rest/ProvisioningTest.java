package dev.plugboard.adapter.rest;

import dev.plugboard.adapter.rest.contract.ApiClient;
import dev.plugboard.adapter.rest.contract.Who;
import dev.plugboard.application.inmemory.InMemoryOwnerDirectory;
import dev.plugboard.domain.owner.Owner;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Users and organizations are provisioned on first sight, whatever the first request asks. */
@MicronautTest(environments = InMemoryTarget.ENVIRONMENT)
class ProvisioningTest {

    @Inject
    EmbeddedServer server;

    @Inject
    InMemoryOwnerDirectory owners;

    @Test
    void givenNewUserActingForANewOrganization_aFirstRead_provisionsBoth() {
        Who who = Who.newUser("first-sight").inOrg(Who.unique("org"));

        assertThat(new ApiClient(InMemoryTarget.of(server)).get("/api/plugins", who).status()).isEqualTo(200);

        assertThat(owners.knows(Owner.user(who.user()))).isTrue();
        assertThat(owners.knows(Owner.organization(who.org()))).isTrue();
    }

    @Test
    void givenAnonymousRequest_nothingIsProvisioned() {
        Who stranger = Who.newUser("never-authenticated");

        assertThat(new ApiClient(InMemoryTarget.of(server)).get("/api/plugins", Who.anonymous()).status()).isEqualTo(401);

        assertThat(owners.knows(Owner.user(stranger.user()))).isFalse();
    }
}
