package dev.plugboard.host;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Map;

/**
 * The wire format between the server and a plugin host: each message is a JSON object preceded by
 * a magic byte and its length, so a stray write to the protocol stream is caught, never misread.
 */
public final class Frames {

    /** Larger frames are refused: a run's input or output above this belongs in storage, not in a run. */
    public static final int MAX_FRAME = 32 * 1024 * 1024;
    private static final int MAGIC = 0x50;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };

    private Frames() {
    }

    /** The next message, or null at the end of the stream. */
    public static Map<String, Object> read(DataInputStream in) throws IOException {
        int magic = in.read();
        if (magic < 0) {
            return null;
        }
        if (magic != MAGIC) {
            throw new IOException("not a protocol frame (byte 0x" + Integer.toHexString(magic)
                    + "): something wrote to the protocol stream");
        }
        int length;
        try {
            length = in.readInt();
        } catch (EOFException e) {
            return null;
        }
        if (length < 0 || length > MAX_FRAME) {
            throw new IOException("frame of " + length + " bytes refused (at most " + MAX_FRAME + ")");
        }
        byte[] body = new byte[length];
        in.readFully(body);
        return JSON.readValue(body, OBJECT);
    }

    public static void write(DataOutputStream out, Map<String, ?> message) throws IOException {
        byte[] body = JSON.writeValueAsBytes(message);
        if (body.length > MAX_FRAME) {
            throw new IOException("message of " + body.length + " bytes is larger than the " + MAX_FRAME + " allowed");
        }
        synchronized (out) {
            out.write(MAGIC);
            out.writeInt(body.length);
            out.write(body);
            out.flush();
        }
    }
}
