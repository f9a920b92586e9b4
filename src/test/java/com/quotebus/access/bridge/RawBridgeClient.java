package com.quotebus.access.bridge;

import io.vertx.core.json.JsonObject;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal blocking bridge client for tests: frames JSON with a 4-byte big-endian length, as every
 * stock bridge client does. Reads time out after a few seconds so a broken server fails the test
 * instead of hanging it.
 */
public final class RawBridgeClient implements AutoCloseable {
    private static final int READ_TIMEOUT_MS = 5000;
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private RawBridgeClient(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(READ_TIMEOUT_MS);
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    public static RawBridgeClient connect(int port) throws IOException {
        return connect(port, 0);
    }

    /** @param receiveBuffer SO_RCVBUF to ask for (small makes a non-reading client back up fast); 0 default */
    public static RawBridgeClient connect(int port, int receiveBuffer) throws IOException {
        Socket s = new Socket();
        if (receiveBuffer > 0) {
            s.setReceiveBufferSize(receiveBuffer);
        }
        s.setTcpNoDelay(true);
        s.connect(new InetSocketAddress("127.0.0.1", port), READ_TIMEOUT_MS);
        return new RawBridgeClient(s);
    }

    public static byte[] frame(String json) {
        byte[] payload = json.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + payload.length).putInt(payload.length).put(payload).array();
    }

    public void send(JsonObject frame) throws IOException {
        sendRaw(frame(frame.encode()));
    }

    public void sendJson(String json) throws IOException {
        sendRaw(frame(json));
    }

    public void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    public void register(String address) throws IOException {
        send(new JsonObject().put("type", "register").put("address", address));
    }

    public void unregister(String address) throws IOException {
        send(new JsonObject().put("type", "unregister").put("address", address));
    }

    /** Sends a ping and returns every frame received before its pong: a barrier for earlier frames. */
    public List<JsonObject> sync() throws IOException {
        send(new JsonObject().put("type", "ping"));
        List<JsonObject> before = new ArrayList<>();
        for (JsonObject f = read(); !"pong".equals(f.getString("type")); f = read()) {
            before.add(f);
        }
        return before;
    }

    public JsonObject read() throws IOException {
        int length = in.readInt();
        byte[] payload = new byte[length];
        in.readFully(payload);
        return new JsonObject(new String(payload, StandardCharsets.UTF_8));
    }

    /** Raw bytes of the next frame, length prefix excluded. */
    public String readRaw() throws IOException {
        int length = in.readInt();
        byte[] payload = new byte[length];
        in.readFully(payload);
        return new String(payload, StandardCharsets.UTF_8);
    }

    /** Reads frames until the server closes; returns them. Fails if the server keeps the socket open. */
    public List<JsonObject> readUntilClosed() throws IOException {
        List<JsonObject> frames = new ArrayList<>();
        try {
            while (true) {
                frames.add(read());
            }
        } catch (EOFException e) {
            return frames;
        } catch (SocketTimeoutException e) {
            throw new AssertionError("server did not close the connection; frames so far: " + frames, e);
        } catch (IOException e) {
            // connection reset counts as closed
            return frames;
        }
    }

    public void stopReading() throws IOException {
        // nothing to do: the test simply does not call read(); the small receive buffer fills up
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
