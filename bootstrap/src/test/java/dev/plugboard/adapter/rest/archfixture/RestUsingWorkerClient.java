package dev.plugboard.adapter.rest.archfixture;

import dev.plugboard.worker.Worker;

/** Breaks the server's independence from its clients: the REST adapter reaching for the worker library. */
public class RestUsingWorkerClient {

    public Class<?> worker() {
        return Worker.class;
    }
}
