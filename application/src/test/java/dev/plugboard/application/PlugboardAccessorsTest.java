package dev.plugboard.application;

import dev.plugboard.application.port.in.installation.InstallPluginUseCase;
import dev.plugboard.application.port.in.run.StartRunUseCase;
import dev.plugboard.application.service.execution.LeaseReaper;
import dev.plugboard.application.service.execution.RunExecutor;
import dev.plugboard.application.service.workflow.Workflows;
import dev.plugboard.application.spi.HandlerRegistry;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedding API hands out use-case interfaces (ports), never the services behind them. */
class PlugboardAccessorsTest {

    /** The engine pieces an embedder schedules itself; not use cases. */
    private static final Set<Class<?>> ENGINE = Set.of(Workflows.class, LeaseReaper.class, RunExecutor.class,
            HandlerRegistry.class);

    @Test
    void givenTheFacade_everyAccessorOfAService_returnsAnInterfaceOfPortIn() {
        List<Method> accessors = Arrays.stream(Plugboard.class.getDeclaredMethods())
                .filter(method -> Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers()))
                .filter(method -> method.getParameterCount() == 0)
                .filter(method -> method.getReturnType().getPackageName().startsWith("dev.plugboard.application"))
                .filter(method -> !ENGINE.contains(method.getReturnType()) && !method.getReturnType().isRecord())
                .toList();

        assertThat(accessors).extracting(Method::getName)
                .contains("catalog", "installations", "runs", "workers", "events", "state", "health", "grants");
        assertThat(accessors).allSatisfy(method -> {
            assertThat(method.getReturnType().isInterface()).as(method.getName() + " returns an interface").isTrue();
            assertThat(method.getReturnType().getPackageName()).as(method.getName())
                    .startsWith("dev.plugboard.application.port.in");
        });
    }

    @Test
    void givenTheWorkflows_theirUseCaseAccessors_returnInterfacesOfPortIn() throws Exception {
        for (String name : List.of("manage", "runs", "webhooks")) {
            Class<?> type = Workflows.class.getMethod(name).getReturnType();

            assertThat(type.isInterface()).as(name).isTrue();
            assertThat(type.getPackageName()).as(name).isEqualTo("dev.plugboard.application.port.in.workflow");
        }
    }

    @Test
    void givenAnInMemoryPlugboard_itsUseCases_areUsableThroughThePorts() {
        Plugboard plugboard = Plugboard.builder().build();

        InstallPluginUseCase install = plugboard.installations();
        StartRunUseCase start = plugboard.runs();

        assertThat(install).isNotNull();
        assertThat(start).isNotNull();
        assertThat(plugboard.evaluateHealth()).as("an empty catalog has no plugin to judge").isZero();
    }
}
