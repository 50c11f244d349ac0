package dev.plugboard.host;

import dev.plugboard.plugin.PluginHandler;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;

/**
 * A plugin host: a JVM the server starts for one plugin. It loads the handler named on the command
 * line, then runs what the server sends on stdin, one run at a time, and answers on stdout. The
 * plugin's own writes to {@code System.out} go to stderr, which the server copies into its log.
 *
 * <p>Arguments: {@code <handler class> <thread limit>}.
 */
public final class PluginHostMain {

    private PluginHostMain() {
    }

    public static void main(String[] args) throws IOException {
        DataOutputStream protocol = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        PrintStream err = System.err;
        System.setOut(err);
        DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
        PluginHandler handler = load(args[0], err);
        int threadLimit = Integer.parseInt(args[1]);
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            if (error instanceof OutOfMemoryError) {
                RunWorker.outOfMemory(protocol, "thread " + thread.getName());
            }
            err.println("uncaught in plugin thread " + thread.getName() + ": " + error);
        });
        RunWorker worker = new RunWorker(handler, protocol, err, threadLimit);
        // The hooks it overrides: the server asks for no other, so a plugin without hooks costs no round trip.
        Frames.write(protocol, Map.of("type", "ready", "hooks", HookCall.overridden(handler)));
        for (Map<String, Object> message = Frames.read(in); message != null; message = Frames.read(in)) {
            switch (String.valueOf(message.get("type"))) {
                case "run" -> worker.start(message);
                case "cancel" -> worker.cancel();
                case "health" -> Frames.write(protocol, health(handler));
                case "hook" -> Frames.write(protocol, HookCall.answer(handler, message));
                default -> err.println("unknown message from the server: " + message.get("type"));
            }
        }
        // The server closed stdin: it is stopping this host.
        Runtime.getRuntime().halt(0);
    }

    /**
     * The handler's own health check, asked for by the server's health job while no run is on this host;
     * no {@code state}: the plugin has no check. One that hangs is killed with its host by the server.
     */
    private static Map<String, Object> health(PluginHandler handler) {
        Map<String, Object> answer = new java.util.HashMap<>();
        answer.put("type", "health");
        try {
            String state = handler.health();
            if (state != null) {
                answer.put("state", state);
            }
        } catch (RuntimeException | LinkageError e) {
            answer.put("state", "unhealthy");
            answer.put("error", String.valueOf(e));
        }
        return answer;
    }

    private static PluginHandler load(String className, PrintStream err) {
        try {
            Class<?> type = Class.forName(className, true, PluginHostMain.class.getClassLoader());
            return (PluginHandler) type.getConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            err.println("the handler class " + className + " cannot be loaded: " + e
                    + " (it must implement dev.plugboard.plugin.PluginHandler and have a public no-argument constructor)");
            err.flush();
            Runtime.getRuntime().halt(ExitCodes.HANDLER_NOT_LOADED);
            throw new IllegalStateException(e);
        }
    }
}
