package dev.plugboard.worker.archfixture;

import dev.plugboard.domain.run.RunId;

/** Breaks the worker library's independence: a worker would need the server's domain jar. */
public class WorkerClientUsingDomain {

    public Class<?> domain() {
        return RunId.class;
    }
}
