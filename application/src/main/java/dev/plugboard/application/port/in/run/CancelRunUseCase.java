package dev.plugboard.application.port.in.run;

import dev.plugboard.application.port.in.Caller;
import dev.plugboard.domain.error.Require;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunId;

/** An owner gives up on a run that has not ended. */
public interface CancelRunUseCase {

    record CancelRunCommand(Caller caller, RunId run) {
        public CancelRunCommand {
            Require.present("caller", caller);
            Require.present("run", run);
        }
    }

    PluginRun cancel(CancelRunCommand command);
}
