package dev.plugboard.host;

/** How a host tells the server why it stopped, when it could not say so in a message. */
public final class ExitCodes {

    /** The handler could not be loaded (class missing, no public no-argument constructor, ...). */
    public static final int HANDLER_NOT_LOADED = 85;
    /** An {@link OutOfMemoryError}: the heap may be damaged, so the host ends and a fresh one replaces it. */
    public static final int OUT_OF_MEMORY = 86;
    /** The plugin started more threads than allowed. */
    public static final int THREAD_LIMIT = 87;

    private ExitCodes() {
    }
}
