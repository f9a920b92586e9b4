package com.quotebus.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * The server's JFR recording reduced to the measured window: CPU samples by top frame (self) and by
 * any frame on the stack (inclusive), samples per thread, and sampled allocation by class.
 */
record JfrSummary(long samples, List<Map.Entry<String, Long>> self, List<Map.Entry<String, Long>> inclusive,
                  List<Map.Entry<String, Long>> threads, List<Map.Entry<String, Long>> allocation,
                  long allocationBytes, int gcs, double gcPauseMs) {

    /** Inclusive counts only for our code, the event bus, JSON and the socket layer: the rest is framework plumbing. */
    private static final java.util.regex.Pattern INTERESTING = java.util.regex.Pattern.compile(
            "com\\.quotebus\\.|io\\.vertx\\.core\\.eventbus\\.|com\\.fasterxml\\.|sun\\.nio\\.ch\\.|io\\.vertx\\.core\\.json\\.");

    static JfrSummary summarise(Path file, Instant from, Instant to) {
        if (file == null || !Files.exists(file) || from == null) {
            return null;
        }
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> incl = new HashMap<>();
        Map<String, Long> threads = new HashMap<>();
        Map<String, Long> alloc = new HashMap<>();
        long samples = 0;
        long allocBytes = 0;
        int gcs = 0;
        double pauseMs = 0;
        try (RecordingFile rf = new RecordingFile(file)) {
            while (rf.hasMoreEvents()) {
                RecordedEvent e = rf.readEvent();
                Instant t = e.getStartTime();
                if (t.isBefore(from) || t.isAfter(to)) {
                    continue;
                }
                switch (e.getEventType().getName()) {
                    case "jdk.ExecutionSample" -> {
                        RecordedStackTrace st = e.getStackTrace();
                        if (st == null || st.getFrames().isEmpty()) {
                            continue;
                        }
                        samples++;
                        List<RecordedFrame> frames = st.getFrames();
                        self.merge(name(frames.get(0)), 1L, Long::sum);
                        Set<String> seen = new HashSet<>();
                        for (RecordedFrame f : frames) {
                            String type = f.getMethod().getType().getName();
                            if (!INTERESTING.matcher(type).lookingAt()) {
                                continue;
                            }
                            String n = name(f);
                            if (seen.add(n)) {
                                incl.merge(n, 1L, Long::sum);
                            }
                        }
                        var thread = e.getThread("sampledThread");
                        threads.merge(thread == null ? "?" : thread.getJavaName(), 1L, Long::sum);
                    }
                    case "jdk.ObjectAllocationSample" -> {
                        long w = e.getLong("weight");
                        allocBytes += w;
                        var c = e.getClass("objectClass");
                        alloc.merge(c == null ? "?" : c.getName(), w, Long::sum);
                    }
                    case "jdk.GarbageCollection" -> {
                        gcs++;
                        pauseMs += e.getDuration("sumOfPauses").toNanos() / 1e6;
                    }
                    default -> { }
                }
            }
        } catch (IOException e) {
            return null;
        }
        return new JfrSummary(samples, top(self, 15), top(incl, 25), top(threads, 8), top(alloc, 10), allocBytes,
                gcs, pauseMs);
    }

    private static String name(RecordedFrame f) {
        var m = f.getMethod();
        String type = m.getType().getName();
        int dot = type.lastIndexOf('.');
        return type.substring(dot + 1) + "." + m.getName();
    }

    private static List<Map.Entry<String, Long>> top(Map<String, Long> m, int n) {
        return m.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(n)
                .map(e -> Map.entry(e.getKey(), e.getValue())).toList();
    }
}
