package dev.plugboard.adapter.console.archfixture;

import dev.plugboard.adapter.rest.ProblemStatus;

/** Breaks "adapters never depend on each other": the console must reach the use cases, not the REST adapter. */
public class ConsoleUsingRest {
    public Object status() {
        return ProblemStatus.class;
    }
}
