package com.quotebus.collector.replay;

import com.quotebus.core.time.ManualClock;
import java.util.PriorityQueue;

/** A scheduler a test steps: runs due tasks in time order, moving the clock to each task's time. */
final class ManualScheduler implements ReplayScheduler {
    private record Task(long due, long order, Runnable run) {}

    private final ManualClock clock;
    private final PriorityQueue<Task> tasks = new PriorityQueue<>((a, b) -> a.due != b.due
            ? Long.compare(a.due, b.due) : Long.compare(a.order, b.order));
    private long order;
    int scheduled;

    ManualScheduler(ManualClock clock) {
        this.clock = clock;
    }

    @Override
    public void schedule(long delayMillis, Runnable task) {
        if (delayMillis < 0) {
            throw new IllegalArgumentException("negative delay " + delayMillis);
        }
        scheduled++;
        tasks.add(new Task(clock.millis() + delayMillis, order++, task));
    }

    /** Runs tasks until none is left (bounded, so a runaway replay fails the test instead of hanging). */
    void runAll() {
        for (int i = 0; i < 100_000 && !tasks.isEmpty(); i++) {
            Task t = tasks.poll();
            clock.set(Math.max(clock.millis(), t.due));
            t.run.run();
        }
        if (!tasks.isEmpty()) {
            throw new AssertionError("scheduler still busy after 100000 tasks");
        }
    }
}
