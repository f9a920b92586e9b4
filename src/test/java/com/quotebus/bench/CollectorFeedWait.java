package com.quotebus.bench;

import com.quotebus.collector.arbitration.ArbitrationConfig;
import com.quotebus.collector.journal.FsyncPolicy;
import com.quotebus.collector.journal.JournalFormat;
import com.quotebus.collector.journal.WireEventSerializer;
import com.quotebus.collector.pipeline.CollectorPipeline;
import com.quotebus.collector.pipeline.CollectorStatus;
import com.quotebus.collector.pipeline.PipelineMetrics;
import com.quotebus.collector.pipeline.PipelineOutput;
import com.quotebus.core.event.MarketEvent;
import com.quotebus.core.event.Side;
import com.quotebus.core.event.Trade;
import com.quotebus.core.time.MarketClock;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * How long the feed thread spends inside the collector pipeline per input (issue 14: "nothing blocks the feed
 * path"), while the pipeline's other threads do what they do in the collector: a tick every 10 ms on another
 * thread (arbitration timers, the fsync time bound of 100 ms on the real disk), and a takeover every
 * {@code takeoverEverySeconds} (the lease lost, then taken again 1 s later, republishing the last 4 s of the
 * journal). The feed delivers {@code rate} trades/s of 2,000 codes on one channel, in bursts of rate/1000 every
 * millisecond, and times every {@code onEvent} call; the first 2 s are warm-up. Prints the distribution of the
 * time per call and the worst; the time the feed thread spent blocked on monitors (JVM contention monitoring);
 * and, as the floor the machine sets, the worst oversleep of a thread that only parks for 1 ms at a time and
 * the JVM's GC time. Not a test (docs/benchmarks.md "Collector feed path").
 *
 * <p>Run: {@code java -cp <test classpath> com.quotebus.bench.CollectorFeedWait [rate] [seconds]
 * [takeoverEverySeconds] [directory]} (defaults 20000, 30, 5, target/feed-wait).
 */
public final class CollectorFeedWait {
    private static final long T0 = 1_795_570_200_000L;

    private CollectorFeedWait() {}

    private static long gcMillis() {
        long sum = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, gc.getCollectionTime());
        }
        return sum;
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int takeoverEvery = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path dir = Path.of(args.length > 3 ? args[3] : "target/feed-wait");
        LocalDate day = LocalDate.parse("2026-11-25");
        Files.createDirectories(dir);
        Files.deleteIfExists(JournalFormat.fileFor(dir, day));

        AtomicLong published = new AtomicLong();
        PipelineOutput output = new PipelineOutput() {
            @Override
            public void publish(MarketEvent event) {
                published.incrementAndGet();
            }

            @Override
            public void status(CollectorStatus status) {}
        };
        CollectorPipeline.Settings settings = new CollectorPipeline.Settings(dir, FsyncPolicy.DEFAULT,
                ArbitrationConfig.DEFAULT, 4_000);
        CollectorPipeline p = CollectorPipeline.open(settings, day, MarketClock.system(), List.of("a"),
                WireEventSerializer.INSTANCE, output);
        p.setLeader(true);

        ScheduledExecutorService timers = Executors.newScheduledThreadPool(2);
        timers.scheduleWithFixedDelay(p::tick, 10, 10, TimeUnit.MILLISECONDS);
        timers.scheduleWithFixedDelay(() -> {
            p.setLeader(false);
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
            p.setLeader(true);
        }, takeoverEvery, takeoverEvery, TimeUnit.SECONDS);

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        threads.setThreadContentionMonitoringEnabled(true);
        AtomicLong worstOversleep = new AtomicLong();
        Thread jitter = new Thread(() -> {
            long warmUpEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (!Thread.currentThread().isInterrupted()) {
                long before = System.nanoTime();
                LockSupport.parkNanos(1_000_000);
                long over = System.nanoTime() - before - 1_000_000;
                if (before > warmUpEnd) {
                    worstOversleep.accumulateAndGet(over, Math::max);
                }
            }
        }, "jitter");
        jitter.setDaemon(true);
        jitter.start();
        long gcBefore = gcMillis();

        String[] codes = new String[2_000];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = String.format("%06d.SZ", i + 1);
        }
        Histogram perCall = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        int perMilli = Math.max(1, rate / 1000);
        long warmUpMillis = 2_000;
        long start = System.nanoTime();
        long seq = 0;
        long slowCalls = 0;
        for (long ms = 0; ms < seconds * 1000L; ms++) {
            long due = start + TimeUnit.MILLISECONDS.toNanos(ms);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            for (int k = 0; k < perMilli; k++) {
                seq++;
                Trade t = new Trade(codes[(int) (seq % codes.length)], T0 + seq, 100_000 + seq % 1000, 100,
                        100 * (100_000 + seq % 1000), Side.BUY, 2011, seq, seq, seq + 1, 0, "");
                long before = System.nanoTime();
                p.sink().onEvent("a", t);
                long took = System.nanoTime() - before;
                if (ms >= warmUpMillis) {
                    perCall.recordValue(took);
                    if (took > 1_000_000) {
                        slowCalls++;
                    }
                }
            }
        }
        ThreadInfo feed = threads.getThreadInfo(Thread.currentThread().getId());
        long gc = gcMillis() - gcBefore;
        jitter.interrupt();
        timers.shutdownNow();
        timers.awaitTermination(10, TimeUnit.SECONDS);
        PipelineMetrics metrics = p.metrics();
        long closeStart = System.nanoTime();
        p.close();
        long closeMicros = (System.nanoTime() - closeStart) / 1000;
        System.out.printf("rate %d/s for %d s, takeover every %d s, fsync every 100 ms, journal in %s%n", rate,
                seconds, takeoverEvery, dir.toAbsolutePath());
        System.out.printf("feed thread per onEvent (µs): p50 %.1f  p99 %.1f  p99.9 %.1f  p99.99 %.1f  max %.1f;"
                + " %d calls, %d over 1 ms%n", perCall.getValueAtPercentile(50) / 1e3,
                perCall.getValueAtPercentile(99) / 1e3, perCall.getValueAtPercentile(99.9) / 1e3,
                perCall.getValueAtPercentile(99.99) / 1e3, perCall.getMaxValue() / 1e3, perCall.getTotalCount(),
                slowCalls);
        System.out.printf("feed thread blocked on monitors: %d times, %d ms in all; machine: worst oversleep of a"
                + " 1 ms park %.1f ms, GC %d ms%n", feed.getBlockedCount(), feed.getBlockedTime(),
                worstOversleep.get() / 1e6, gc);
        System.out.printf("published %d (incl. republished), close took %d µs%n", published.get(), closeMicros);
        System.out.println(metrics);
    }
}
