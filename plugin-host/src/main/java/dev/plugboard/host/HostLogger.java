package dev.plugboard.host;

import java.io.PrintStream;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.function.Supplier;

/** The plugin's logger: one line per message on stderr, which the server copies into its log with the run id. */
final class HostLogger implements System.Logger {

    private final String name;
    private final PrintStream err;

    HostLogger(String name, PrintStream err) {
        this.name = name;
        this.err = err;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public boolean isLoggable(Level level) {
        return level.getSeverity() >= Level.INFO.getSeverity();
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
        if (isLoggable(level)) {
            err.println(level.getName() + " " + msg + (thrown == null ? "" : " (" + thrown + ")"));
        }
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        if (isLoggable(level)) {
            err.println(level.getName() + " " + (params == null || params.length == 0 ? format : MessageFormat.format(format, params)));
        }
    }

    @Override
    public void log(Level level, Supplier<String> msgSupplier) {
        if (isLoggable(level)) {
            err.println(level.getName() + " " + msgSupplier.get());
        }
    }
}
