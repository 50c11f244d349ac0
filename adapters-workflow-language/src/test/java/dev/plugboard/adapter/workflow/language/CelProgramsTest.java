package dev.plugboard.adapter.workflow.language;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CelProgramsTest {

    @Test
    void aRepeatedExpression_isCompiledOnce_andConditionsAreCachedApart() {
        CelPrograms programs = new CelPrograms(TemplateLimits.defaults());
        assertThat(programs.compile("prev.score > 3", true)).isSameAs(programs.compile("prev.score > 3", true));
        assertThat(programs.compile("prev.score > 3", false)).isNotSameAs(programs.compile("prev.score > 3", true));
    }

    @Test
    void theCacheIsBounded_soOldEntriesAreCompiledAgain() {
        CelPrograms programs = new CelPrograms(new TemplateLimits(1_000, 65_536, 1_000, 10_000, 32, 1_048_576, 2));
        var first = programs.compile("1 + 1", false);
        for (int i = 0; i < 20; i++) {
            programs.compile(i + " + 2", false);
        }
        assertThat(programs.compile("1 + 1", false)).isNotSameAs(first);
    }
}
