package dev.plugboard.domain.workflow;

import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.workflow.InvalidWorkflowException;
import dev.plugboard.domain.workflow.InvalidWorkflowException.Problem;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DocumentProblemsTest {

    private static final Map<String, Object> DOCUMENT = Map.of("slug", "x",
            "steps", List.of(Map.of("order", 0, "plugin", "a"), Map.of("order", 5, "plugin", "Bad Name")));

    @Test
    void givenWorkflowField_problem_pointsAtIt() {
        Problem problem = DocumentProblems.problem(DOCUMENT,
                new InvalidValueException("slug", "Not A Slug", "use kebab-case"));

        assertThat(problem.stepOrder()).isNull();
        assertThat(problem.field()).isEqualTo("/slug");
        assertThat(problem.reason()).isEqualTo("'Not A Slug' use kebab-case");
    }

    @Test
    void givenStepFieldByPosition_problem_namesTheStepsOrderAndPointsIntoTheList() {
        Problem problem = DocumentProblems.problem(DOCUMENT,
                new InvalidValueException("steps[1].plugin", "Bad Name", "is no plugin name"));

        assertThat(problem.stepOrder()).isEqualTo(5);
        assertThat(problem.field()).isEqualTo("/steps/1/plugin");
    }

    @Test
    void givenRuleAcrossSteps_problem_pointsAtTheStepList() {
        Problem problem = DocumentProblems.problem(DOCUMENT,
                new InvalidValueException("steps[].order", 3, "is used by two steps"));

        assertThat(problem.stepOrder()).isNull();
        assertThat(problem.field()).isEqualTo("/steps");
        assertThat(problem.reason()).startsWith("order '3'");
    }

    @Test
    void givenSaveThatBreaksARule_reading_answersAsAnInvalidWorkflow() {
        assertThatThrownBy(() -> DocumentProblems.reading(DOCUMENT, () -> {
            throw new InvalidValueException("triggerConfig.secret", "(hidden)", "is too short");
        })).isInstanceOfSatisfying(InvalidWorkflowException.class, e -> assertThat(e.problems())
                .extracting(Problem::field).containsExactly("/triggerConfig/secret"));
    }
}
