package dev.plugboard.domain.owner;

import dev.plugboard.domain.error.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OwnerTest {

    @ParameterizedTest
    @ValueSource(strings = {"user:alice", "org:acme", "user:auth0|5f7c8ec7c33c6c004bbafe82", "user:alice@example.com",
            "org:team.backend-2", "user:a", "user:x:y+z_1"})
    void givenWrittenOwner_parseOfToString_roundTrips(String text) {
        Owner owner = Owner.parse(text);

        assertThat(owner).hasToString(text);
        assertThat(Owner.parse(owner.toString())).isEqualTo(owner);
    }

    @Test
    void givenUserAndOrgPrefixes_parse_readsTheKindAndId() {
        assertThat(Owner.parse("user:alice")).isEqualTo(new Owner(Owner.Kind.USER, "alice")).isEqualTo(Owner.user("alice"));
        assertThat(Owner.parse("org:acme")).isEqualTo(new Owner(Owner.Kind.ORGANIZATION, "acme"))
                .isEqualTo(Owner.organization("acme"));
        assertThat(Owner.user("acme")).isNotEqualTo(Owner.organization("acme"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"alice", "users:alice", "organization:acme", "User:alice", ""})
    void givenTextWithoutAKnownPrefix_parse_refusesItShowingTheForm(String text) {
        assertThatThrownBy(() -> Owner.parse(text))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("owner");
                    assertThat(e.value()).isEqualTo(text);
                    assertThat(e.rule()).isEqualTo("write 'user:<id>' or 'org:<id>'");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"user:", "user:   "})
    void givenBlankUserId_parse_refusesItNamingTheUserId(String text) {
        assertThatThrownBy(() -> Owner.parse(text))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("user id");
                    assertThat(e.rule()).isEqualTo("must not be blank");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"-acme", ".acme", "ac me", " acme", "acme/x", "ac#me"})
    void givenOrgIdWithForbiddenCharacters_organization_refusesItNamingTheOrganizationId(String id) {
        assertThatThrownBy(() -> Owner.organization(id))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("organization id");
                    assertThat(e.value()).isEqualTo(id);
                    assertThat(e.rule()).contains("no spaces");
                });
    }

    @Test
    void givenIdOf128Characters_user_acceptsIt() {
        assertThat(Owner.user("a".repeat(128)).id()).hasSize(128);
    }

    @Test
    void givenIdOf129Characters_user_refusesItNamingTheLength() {
        assertThatThrownBy(() -> Owner.user("a".repeat(129)))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("user id");
                    assertThat(e.rule()).isEqualTo("must be 1 to 128 characters long (was 129)");
                });
    }

    @Test
    void givenNoKind_constructor_refusesIt() {
        assertThatThrownBy(() -> new Owner(null, "alice"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("owner kind");
                    assertThat(e.rule()).isEqualTo("is required");
                });
    }
}
