package dev.plugboard.adapter.cli;

import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code plugboard serve}: runs the server in this process until it is stopped. */
@Prototype
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the Plugboard server (REST API, plugin execution) until it is stopped (Ctrl-C or SIGTERM).",
                "It uses the same configuration and database as every other command."},
        footer = {"%nExamples:", "  plugboard serve", "  PLUGBOARD_DATABASE_URL=jdbc:postgresql://db:5432/plugboard plugboard serve"})
public class ServeCommand implements Callable<Integer> {

    private final Provider<ServerRunner> server;

    public ServeCommand(Provider<ServerRunner> server) {
        this.server = server;
    }

    @Override
    public Integer call() {
        return server.get().serve();
    }
}
