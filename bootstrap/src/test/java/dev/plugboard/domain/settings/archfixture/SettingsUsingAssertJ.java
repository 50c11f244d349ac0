package dev.plugboard.domain.settings.archfixture;

import org.assertj.core.api.Assertions;

/** Breaks "the settings package uses only Jackson and networknt". */
public class SettingsUsingAssertJ {
    public void check(Object value) {
        Assertions.assertThat(value).isNotNull();
    }
}
