package com.quotebus.testkit;

import io.vertx.core.json.JsonObject;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A blocking bridge-protocol client for integration tests: frames JSON, reads frames on a thread into a
 * queue. Bounded in time: every wait has a timeout.
 */
public final class BridgeTestClient implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    private final Thread reader;
    private int nextReply;

    public BridgeTestClient(String host, int port) throws IOException {
        socket = new Socket(host, port);
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        DataInputStream in = new DataInputStream(socket.getInputStream());
        reader = new Thread(() -> {
            try {
                while (true) {
                    int n = in.readInt();
                    byte[] b = new byte[n];
                    in.readFully(b);
                    frames.add(new JsonObject(new String(b, StandardCharsets.UTF_8)));
                }
            } catch (IOException | RuntimeException e) {
                // closed
            }
        }, "bridge-test-client");
        reader.setDaemon(true);
        reader.start();
    }

    public synchronized void send(JsonObject frame) throws IOException {
        byte[] b = frame.encode().getBytes(StandardCharsets.UTF_8);
        out.write(ByteBuffer.allocate(4).putInt(b.length).array());
        out.write(b);
        out.flush();
    }

    public void register(String address) throws IOException {
        send(new JsonObject().put("type", "register").put("address", address));
    }

    /** Sends a request and waits for its reply or err frame. */
    public JsonObject request(String address, JsonObject body, long timeoutMs) throws Exception {
        String reply = "r" + (++nextReply);
        send(new JsonObject().put("type", "send").put("address", address).put("replyAddress", reply).put("body", body));
        return await(f -> reply.equals(f.getString("address")), timeoutMs);
    }

    /** As {@link #request(String, JsonObject, long)}, with header {@code token} (admin addresses). */
    public JsonObject request(String address, JsonObject body, long timeoutMs, String token) throws Exception {
        String reply = "r" + (++nextReply);
        send(new JsonObject().put("type", "send").put("address", address).put("replyAddress", reply).put("body", body)
                .put("headers", new JsonObject().put("token", token)));
        return await(f -> reply.equals(f.getString("address")), timeoutMs);
    }

    /** The next frame matching {@code p} (others are dropped), or an AssertionError after the timeout. */
    public JsonObject await(Predicate<JsonObject> p, long timeoutMs) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (true) {
            long left = end - System.nanoTime();
            JsonObject f = left > 0 ? frames.poll(left, TimeUnit.NANOSECONDS) : null;
            if (f == null) {
                throw new AssertionError("no matching frame within " + timeoutMs + " ms");
            }
            if (p.test(f)) {
                return f;
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
