package dev.plugboard.adapter.rest;

import dev.plugboard.domain.error.ConcurrencyConflictException;
import dev.plugboard.domain.error.ErrorKind;
import dev.plugboard.domain.installation.PlanLimitExceededException;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.PluginNotFoundException;
import dev.plugboard.domain.settings.InvalidSettingsException;
import dev.plugboard.domain.settings.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemStatusTest {

    @Test
    void givenDomainErrors_of_mapsThemToTheStatusesTheApiPromises() {
        assertThat(ProblemStatus.of(new PluginNotFoundException("nope")).code()).isEqualTo(404);
        assertThat(ProblemStatus.of(new InvalidSettingsException("webhook",
                List.of(new Violation("/url", "required", "required property 'url' not found")))).code()).isEqualTo(422);
        assertThat(ProblemStatus.of(new PlanLimitExceededException(Owner.user("alice"), "free", 5, 5)).code()).isEqualTo(403);
        assertThat(ProblemStatus.of(ErrorKind.INVALID_INPUT).code()).isEqualTo(400);
        assertThat(ProblemStatus.of(ErrorKind.CONFLICT).code()).isEqualTo(409);
    }

    @Test
    void givenStaleWrite_withIfMatch_isPreconditionFailedAndWithoutIsConflict() {
        ConcurrencyConflictException stale = new ConcurrencyConflictException("installation", "user:alice/webhook", 3);

        assertThat(ProblemStatus.forConditionalRequest(stale).code()).isEqualTo(412);
        assertThat(ProblemStatus.of(stale).code()).isEqualTo(409);
    }

    @ParameterizedTest
    @EnumSource(ErrorKind.class)
    void givenAnyErrorKind_of_answersAClientErrorNeverA500(ErrorKind kind) {
        assertThat(ProblemStatus.of(kind).code()).isBetween(400, 499);
    }
}
