package dev.plugboard.adapter.isolation.archfixture;

import dev.plugboard.adapter.rest.ProblemStatus;

/** Breaks the rings: the isolation adapter reaching the REST adapter. */
public class IsolationUsingRest {

    public Class<?> rest() {
        return ProblemStatus.class;
    }
}
