package dev.plugboard.application.port.in.run;

/** The runs' use cases as one handle: start, query and cancel (what {@code Plugboard.runs()} hands out). */
public interface RunUseCases extends StartRunUseCase, QueryRunsUseCase, CancelRunUseCase {
}
