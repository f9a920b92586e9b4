package com.quotebus.loadtest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM of the runner: its stdout lines are queued, stderr goes to a log file, stdin takes
 * commands. Every child is registered for killing when the runner exits (normally, on error or on a
 * signal), and its pid is appended to a file that {@code run.sh} uses as a last resort.
 */
final class Proc {
    private static final List<Process> ALL = new CopyOnWriteArrayList<>();
    private static Path pidFile;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Process p : ALL) {
                p.destroyForcibly();
            }
        }));
    }

    final String name;
    final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final PrintWriter in;

    static void pidFile(Path file) {
        pidFile = file;
    }

    Proc(String name, List<String> command, Path log) throws IOException {
        this.name = name;
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        process = pb.start();
        ALL.add(process);
        if (pidFile != null) {
            Files.writeString(pidFile, process.pid() + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        in = new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("EOF " + e);
            }
            lines.add("EOF");
        }, name + "-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** The next stdout line starting with {@code prefix} (others are echoed), or an exception. */
    String await(String prefix, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (true) {
            long left = deadline - System.currentTimeMillis();
            String line = left <= 0 ? null : lines.poll(left, TimeUnit.MILLISECONDS);
            if (line == null) {
                throw new IllegalStateException(name + ": no '" + prefix + "' within " + timeoutMs + " ms");
            }
            if (line.startsWith(prefix)) {
                return line;
            }
            if (line.startsWith("EOF")) {
                throw new IllegalStateException(name + " exited before '" + prefix + "' (see its log)");
            }
            System.out.println("  [" + name + "] " + line);
        }
    }

    void command(String line) {
        in.println(line);
    }

    void finish(long timeoutMs) throws InterruptedException {
        in.close();
        if (!process.waitFor(timeoutMs, TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
        ALL.remove(process);
    }
}
