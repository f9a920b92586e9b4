package com.quotebus.collector.szse;

import com.quotebus.collector.FeedSink;
import com.quotebus.collector.FeedSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.ToIntFunction;

/**
 * Replays a recorded SZSE Binary byte stream (exactly the bytes a gateway sent) through the same
 * {@link SzseDecoder} and {@link SzseFeedAdapter} as the live line. {@link #start} opens the file and replays
 * it on its own thread as fast as the sink takes it, then reports {@code onDisconnected("end of recording")};
 * {@link #replay} does the same on the caller's thread. A corrupt stream (BodyLength above the cap) ends the
 * replay after reporting it. Plain Java.
 */
public final class SzseRecordedFileSource implements FeedSource {
    private final String name;
    private final Path file;
    private final ToIntFunction<String> multiplierOf;
    private final int maxBodyLength;
    private volatile boolean stopped;
    private Thread thread;

    public SzseRecordedFileSource(String name, Path file, ToIntFunction<String> multiplierOf) {
        this(name, file, multiplierOf, SzseLayout.DEFAULT_MAX_BODY_LENGTH);
    }

    public SzseRecordedFileSource(String name, Path file, ToIntFunction<String> multiplierOf, int maxBodyLength) {
        this.name = name;
        this.file = file;
        this.multiplierOf = multiplierOf;
        this.maxBodyLength = maxBodyLength;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized CompletionStage<Void> start(FeedSink sink) {
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new IllegalStateException("feed " + name + " cannot open "
                    + file + ": " + e.getMessage(), e));
        }
        thread = new Thread(() -> {
            try (in) {
                replay(in, sink);
            } catch (IOException | UncheckedIOException e) {
                sink.onDisconnected(name, "read error on " + file + ": " + e.getMessage());
            }
        }, "szse-replay-" + name);
        thread.setDaemon(true);
        thread.start();
        return CompletableFuture.completedFuture(null);
    }

    /** Replays the whole file on the calling thread. */
    public void replay(FeedSink sink) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            replay(in, sink);
        }
    }

    private void replay(InputStream in, FeedSink sink) throws IOException {
        SzseDecoder decoder = new SzseDecoder(new SzseFeedAdapter(name, sink, multiplierOf), maxBodyLength);
        sink.onConnected(name);
        byte[] chunk = new byte[64 * 1024];
        int n;
        while (!stopped && (n = in.read(chunk)) > 0) {
            if (!decoder.feed(chunk, 0, n)) {
                sink.onDisconnected(name, "recording " + file + " is corrupt; replay stopped");
                return;
            }
        }
        if (decoder.pendingBytes() > 0) {
            sink.onMalformed(name, "recording " + file + " ends inside a frame (" + decoder.pendingBytes()
                    + " bytes)");
        }
        sink.onDisconnected(name, stopped ? "stopped" : "end of recording");
    }

    @Override
    public synchronized CompletionStage<Void> stop() {
        stopped = true;
        Thread t = thread;
        return CompletableFuture.runAsync(() -> {
            if (t != null) {
                try {
                    t.join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
    }
}
