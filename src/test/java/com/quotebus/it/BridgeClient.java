package com.quotebus.it;

import io.vertx.core.json.JsonObject;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * A minimal client of the TCP event-bus bridge (4-byte big-endian length + JSON object): requests with a
 * reply address, subscriptions, and a record of the {@code err} frames and of when the server closed.
 * One reader thread; pushes go to the handler on that thread.
 */
final class BridgeClient implements AutoCloseable {
    private final Socket socket;
    private final DataOutputStream out;
    private final Map<String, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final List<JsonObject> errors = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile BiConsumer<String, JsonObject> pushes = (a, f) -> {};
    private volatile long closedAt;

    BridgeClient(int port) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setTcpNoDelay(true);
        out = new DataOutputStream(socket.getOutputStream());
        reader = new Thread(this::readLoop, "bridge-client-" + port);
        reader.setDaemon(true);
        reader.start();
    }

    void onPush(BiConsumer<String, JsonObject> handler) {
        this.pushes = handler;
    }

    synchronized void write(JsonObject frame) throws IOException {
        byte[] bytes = frame.encode().getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
        out.flush();
    }

    /** {@code {"type":"ping"}}: keeps an otherwise silent connection from the gateway's idle time-out. */
    void ping() throws IOException {
        write(new JsonObject().put("type", "ping"));
    }

    void register(String address) throws IOException {
        write(new JsonObject().put("type", "register").put("address", address));
    }

    /**
     * A request: completes with the reply frame ({@code type} message, with headers) or the failure frame
     * ({@code type} err); completes exceptionally when the connection closes first.
     */
    CompletableFuture<JsonObject> request(String address, JsonObject body, long timeoutMs) {
        String reply = "r." + ids.incrementAndGet();
        CompletableFuture<JsonObject> f = new CompletableFuture<>();
        pending.put(reply, f);
        try {
            write(new JsonObject().put("type", "send").put("address", address).put("body", body)
                    .put("replyAddress", reply).put("headers", new JsonObject().put("timeout", timeoutMs)));
        } catch (IOException e) {
            pending.remove(reply);
            f.completeExceptionally(e);
        }
        return f;
    }

    /** {@code err} frames that answered no request (e.g. {@code shutting_down}). */
    List<JsonObject> errors() {
        return errors;
    }

    /** When the server closed the connection (epoch ms), or 0. */
    long closedAt() {
        return closedAt;
    }

    private void readLoop() {
        try (DataInputStream in = new DataInputStream(socket.getInputStream())) {
            while (true) {
                int n = in.readInt();
                byte[] b = new byte[n];
                in.readFully(b);
                JsonObject frame = new JsonObject(new String(b, StandardCharsets.UTF_8));
                String address = frame.getString("address");
                CompletableFuture<JsonObject> f = address == null ? null : pending.remove(address);
                if (f != null) {
                    f.complete(frame);
                } else if ("err".equals(frame.getString("type"))) {
                    errors.add(frame);
                } else if ("message".equals(frame.getString("type"))) {
                    pushes.accept(address, frame);
                }
            }
        } catch (EOFException e) {
            // server closed
        } catch (IOException e) {
            // closed locally or reset
        } finally {
            closedAt = System.currentTimeMillis();
            IOException gone = new IOException("connection closed");
            pending.values().forEach(f -> f.completeExceptionally(gone));
            pending.clear();
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
    }
}
