package dev.plugboard.adapter.isolation;

import dev.plugboard.host.ExitCodes;

/** Reads why a plugin host ended without answering, from its exit code and last words, as the run's failure. */
final class HostExit {

    /** What the JVM reports for a process killed by SIGKILL: by the server, or by the system for memory. */
    private static final int SIGKILL = 128 + 9;

    private HostExit() {
    }

    /**
     * @param code           the exit code, -1 while still running
     * @param killedByServer whether the server killed it (then a SIGKILL is not the system's)
     * @param brokenProtocol what was wrong with its messages, or null
     * @param lastLine       the last line it wrote on stderr, or blank
     */
    static HostFailure failure(PluginPackage pkg, int code, boolean killedByServer, String brokenProtocol, String lastLine) {
        String said = lastLine.isBlank() ? "" : "; its last output: " + lastLine;
        if (brokenProtocol != null) {
            return new HostFailure("HOST_CRASHED", "the plugin host broke the protocol (" + brokenProtocol
                    + ") and was stopped", true);
        }
        if (code == ExitCodes.OUT_OF_MEMORY || code == SIGKILL && !killedByServer) {
            return new HostFailure("OUT_OF_MEMORY", "the plugin ran out of memory (execution.memory: "
                    + pkg.memoryMb() + "m); its host " + (code == SIGKILL ? "was killed" : "stopped"), true);
        }
        if (code == ExitCodes.HANDLER_NOT_LOADED) {
            return new HostFailure("HANDLER_NOT_LOADED", "the plugin host could not load " + pkg.handlerClass() + said, false);
        }
        return new HostFailure("HOST_CRASHED", "the plugin host exited with code " + code + " during the run" + said, true);
    }
}
