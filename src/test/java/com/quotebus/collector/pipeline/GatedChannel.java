package com.quotebus.collector.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;

/**
 * A journal's file channel with its blocking steps under the test's control: the next {@code force}, or the next
 * positional {@code write} after half of its bytes, can be held until {@link #release}, as a slow disk would hold
 * them. Records the writes, forces and the close it passed on, in order.
 */
final class GatedChannel extends FileChannel {
    private final FileChannel file;
    private final List<String> operations = Collections.synchronizedList(new ArrayList<>());
    private final Semaphore entered = new Semaphore(0);
    private volatile CountDownLatch gate;
    private volatile boolean holdForce;
    private volatile boolean holdWrite;

    GatedChannel(FileChannel file) {
        this.file = file;
    }

    /** The next force waits for {@link #release}. */
    void holdNextForce() {
        gate = new CountDownLatch(1);
        holdForce = true;
    }

    /** The next positional write writes half of its bytes, then waits for {@link #release}. */
    void holdNextWrite() {
        gate = new CountDownLatch(1);
        holdWrite = true;
    }

    /** Waits until the journal thread is held inside the step. */
    void awaitHeld() throws InterruptedException {
        entered.acquire();
    }

    void release() {
        gate.countDown();
    }

    /** "write", "force" and "close", in the order the journal did them. */
    List<String> operations() {
        synchronized (operations) {
            return List.copyOf(operations);
        }
    }

    private void hold() {
        entered.release();
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted"));
        }
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        operations.add("write");
        if (holdWrite && src.remaining() > 1) {
            holdWrite = false;
            ByteBuffer half = src.duplicate();
            half.limit(half.position() + src.remaining() / 2);
            int n = file.write(half, position);
            src.position(src.position() + n);
            hold();
            return n;
        }
        return file.write(src, position);
    }

    @Override
    public void force(boolean metaData) throws IOException {
        operations.add("force");
        if (holdForce) {
            holdForce = false;
            hold();
        }
        file.force(metaData);
    }

    @Override
    protected void implCloseChannel() throws IOException {
        operations.add("close");
        file.close();
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return file.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        return file.read(dsts, offset, length);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        operations.add("write");
        return file.write(src);
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        operations.add("write");
        return file.write(srcs, offset, length);
    }

    @Override
    public long position() throws IOException {
        return file.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        file.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        return file.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
        file.truncate(size);
        return this;
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
        return file.transferTo(position, count, target);
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
        return file.transferFrom(src, position, count);
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        return file.read(dst, position);
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
        return file.map(mode, position, size);
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
        return file.lock(position, size, shared);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        return file.tryLock(position, size, shared);
    }
}
