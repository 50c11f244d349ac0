package dev.plugboard.adapter.rest.problem;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.plugboard.adapter.rest.fuzz.FuzzContext;
import dev.plugboard.domain.error.DomainException;
import io.micronaut.context.BeanDefinitionRegistry;
import io.micronaut.core.type.Argument;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every request body type of every controller (found from the controllers themselves, so a new
 * endpoint is fuzzed without anyone adding it), read from any bytes by the server's own JSON binding:
 * a value, or an error the server answers with a 400 (a JSON error it describes, or a domain
 * refusal); never another exception, which would be a 500, and never a stack overflow.
 *
 * <p>The first byte picks the body type (in name order), the rest is the body. (In this package to
 * ask {@link BodyErrors}, which turns the binding's errors into the 400's detail.)
 */
class RequestBodyFuzzTest {

    private static final List<Argument<?>> BODIES = bodies();

    @FuzzTest(maxDuration = "5m")
    void givenAnyBytesForAnyBodyType_theJsonBindingGivesAValueOrA400Refusal(byte[] input) {
        // An empty body never reaches the binding: the server answers it as a missing body (a 400 naming it),
        // which the OpenAPI-driven HTTP fuzzer checks.
        if (input.length < 2) {
            return;
        }
        Argument<?> type = BODIES.get(Byte.toUnsignedInt(input[0]) % BODIES.size());
        byte[] body = Arrays.copyOfRange(input, 1, input.length);
        JsonMapper json = FuzzContext.get().getBean(JsonMapper.class);
        try {
            json.readValue(body, type);
        } catch (IOException | RuntimeException refused) {
            if (refused instanceof DomainException || BodyErrors.describe(refused).isPresent()) {
                return;
            }
            fail("reading a " + type.getTypeName() + " from " + body.length + " bytes threw " + refused
                    + ", which the server would answer with a 500", refused);
        } catch (StackOverflowError overflow) {
            fail("reading a " + type.getTypeName() + " overflowed the stack");
        }
    }

    @org.junit.jupiter.api.Test
    void theControllersHaveBodyTypes_soTheTargetFuzzesSomething() {
        assertThat(BODIES).extracting(Argument::getTypeName)
                .contains("dev.plugboard.adapter.rest.installation.SettingsRequest")
                .hasSizeGreaterThan(8);
    }

    /** The {@code @Body} parameter types of every controller's methods, without duplicates, in name order. */
    private static List<Argument<?>> bodies() {
        BeanDefinitionRegistry registry = FuzzContext.get();
        java.util.Map<String, Argument<?>> byName = registry.getBeanDefinitions(Qualifiers.byStereotype(Controller.class)).stream()
                .filter(definition -> definition.getBeanType().getPackageName().startsWith("dev.plugboard."))
                .flatMap(definition -> definition.getExecutableMethods().stream())
                .flatMap(method -> Arrays.stream(method.getArguments()))
                .filter(argument -> argument.getAnnotationMetadata().hasAnnotation(Body.class))
                .filter(argument -> !argument.getType().equals(byte[].class) && !argument.getType().equals(String.class))
                .collect(java.util.stream.Collectors.toMap(Argument::getTypeName, argument -> (Argument<?>) argument,
                        (first, second) -> first, java.util.TreeMap::new));
        return List.copyOf(byName.values());
    }
}
