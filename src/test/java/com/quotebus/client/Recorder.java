package com.quotebus.client;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A listener that keeps everything it is told, for whole-list comparison. */
final class Recorder<T> implements StreamListener<T> {
    final List<T> updates = new CopyOnWriteArrayList<>();
    final List<Resync> resyncs = new CopyOnWriteArrayList<>();
    final List<QuotebusException> errors = new CopyOnWriteArrayList<>();

    @Override
    public void onUpdate(T update) {
        updates.add(update);
    }

    @Override
    public void onResync(Resync resync) {
        resyncs.add(resync);
    }

    @Override
    public void onError(QuotebusException error) {
        errors.add(error);
    }
}
