package dev.plugboard.application.archfixture;

import dev.plugboard.adapter.rest.ProblemStatus;

/** Breaks the rings: the application reaching out to an adapter. */
public class ApplicationUsingRestAdapter {
    public int status() {
        return ProblemStatus.NOT_FOUND.code();
    }
}
