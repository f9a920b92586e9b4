package com.quotebus.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One Quotebus JVM started from the test's own class path, its output in a log file. Always destroyed by the
 * test (destroyForcibly + wait), even when it is stopped (SIGSTOP) at the time.
 */
final class NodeProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path log;
    private final Path dir;
    private final List<String> command;

    private NodeProcess(String name, Process process, Path log, Path dir, List<String> command) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.dir = dir;
        this.command = List.copyOf(command);
    }

    /**
     * Starts {@code mainClass} with {@code args}; output goes to {@code dir/name.log}. Heap: 384 MB, or the
     * system property {@code it.node-heap} (e.g. {@code 2g} for the full-market soak).
     */
    static NodeProcess start(String name, Path dir, String mainClass, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of("-Xmx" + System.getProperty("it.node-heap", "384m"), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "--add-modules", "java.se", "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
                "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
                "--add-opens", "java.management/sun.management=ALL-UNNAMED",
                "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), mainClass));
        cmd.addAll(args);
        return launch(name, dir, cmd);
    }

    private static NodeProcess launch(String name, Path dir, List<String> cmd) throws IOException {
        Path log = dir.resolve(name + ".log");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return new NodeProcess(name, p, log, dir, cmd);
    }

    /**
     * Starts the same command again (same settings, same data directory) as a new process whose output goes
     * to {@code dir/logName.log}, so the first run's log is kept. This process must have exited.
     */
    NodeProcess relaunch(String logName) throws IOException {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " (pid " + process.pid() + ") is still running");
        }
        return launch(logName, dir, command);
    }

    /** Starts a node: {@code com.quotebus.app.Main run --config conf key=value…}. */
    static NodeProcess node(String name, Path dir, Path conf, List<String> overrides) throws IOException {
        List<String> args = new ArrayList<>(List.of("run", "--config", conf.toString()));
        args.addAll(overrides);
        return start(name, dir, "com.quotebus.app.Main", args);
    }

    /** Waits until the log contains {@code marker}; fails with the log's tail if the process exits or time runs out. */
    NodeProcess awaitLog(String marker, long timeoutMs) throws Exception {
        long end = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < end) {
            if (logText().contains(marker)) {
                return this;
            }
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited (" + process.exitValue() + ") before '" + marker + "':\n" + tail());
            }
            Thread.sleep(100);
        }
        throw new AssertionError(name + " did not log '" + marker + "' within " + timeoutMs + " ms:\n" + tail());
    }

    NodeProcess awaitUp() throws Exception {
        return awaitLog("is up: roles", 90_000);
    }

    String logText() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    String tail() {
        try {
            String t = logText();
            return t.length() > 4000 ? t.substring(t.length() - 4000) : t;
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    long pid() {
        return process.pid();
    }

    String name() {
        return name;
    }

    boolean alive() {
        return process.isAlive();
    }

    void signal(String sig) throws Exception {
        Process k = new ProcessBuilder("kill", "-" + sig, Long.toString(process.pid())).inheritIO().start();
        if (!k.waitFor(5, TimeUnit.SECONDS) || k.exitValue() != 0) {
            throw new IllegalStateException("kill -" + sig + " " + process.pid() + " failed");
        }
    }

    /** SIGSTOP: the process hangs (as in a long GC pause) until {@link #sigcont()}. */
    void sigstop() throws Exception {
        signal("STOP");
    }

    void sigcont() throws Exception {
        signal("CONT");
    }

    /** SIGTERM: the node's graceful shutdown; see {@link #awaitExit(long)}. */
    void sigterm() throws Exception {
        signal("TERM");
    }

    /** Lines of the log containing {@code text} (e.g. Vert.x's "has been blocked for"). */
    long countLog(String text) throws IOException {
        return logText().lines().filter(l -> l.contains(text)).count();
    }

    /** The log's lines containing {@code text}. */
    List<String> logLines(String text) throws IOException {
        return logText().lines().filter(l -> l.contains(text)).toList();
    }

    /** kill -9 and wait until the OS has reaped it. */
    void kill9() throws Exception {
        signal("KILL");
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** Waits for the exit; returns the exit code, or -1 on time-out. */
    int awaitExit(long timeoutMs) throws InterruptedException {
        return process.waitFor(timeoutMs, TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                signal("CONT"); // a stopped process does not die of SIGTERM; SIGKILL works anyway, CONT is harmless
            } catch (Exception ignored) {
                // best effort
            }
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
