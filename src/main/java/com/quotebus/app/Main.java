package com.quotebus.app;

import com.quotebus.cli.Cli;
import com.quotebus.config.ConfigException;
import com.quotebus.core.event.TradingPhase;
import com.quotebus.core.time.ChinaTime;
import com.quotebus.core.time.SessionTemplates;
import com.quotebus.core.time.TradingDaySchedule;
import com.quotebus.core.time.TradingSchedules;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar quotebus.jar [run] [--config FILE] [--roles collector,calculator,access] [key=value …]}
 * starts a node (with no arguments: the whole system on embedded defaults);
 * {@code import-bars …} imports CSV bars and {@code import-factors …} adjustment factors into the history store;
 * the client tools
 * ({@code quote kline minute ticks pricevol indicator instruments admin}) talk to a running gateway. Usage and
 * exit codes: {@link Cli#usage()}.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Options of the node and import commands that take a value; the client tools' are {@link Cli#takesValue}. */
    private static final Set<String> VALUED = Set.of("--config", "--roles", "--file", "--data", "--period",
            "--volume-unit", "--amount-unit");
    private static final List<String> RUN_OPTIONS = List.of("--config", "--roles", "--help");

    /**
     * The command is the first word that is not an option, an option's value or a {@code key=value} override, so
     * options may come before it ({@code --timeout 8000 admin nodes}); none: {@code run}. {@code --help}, {@code -h}
     * or {@code help} anywhere prints {@link Cli#usage()}.
     */
    static int run(String[] args) {
        int at = -1;
        for (int i = 0; i < args.length && at < 0; i++) {
            String a = args[i];
            if (VALUED.contains(a) || Cli.takesValue(a)) {
                i++;
            } else if (!a.startsWith("-") && !a.contains("=")) {
                at = i;
            }
        }
        String command = at < 0 ? "run" : args[at];
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        if (at >= 0) {
            rest.remove(at);
        }
        if (command.equals("help") || rest.contains("--help") || rest.contains("-h")) {
            System.out.print(Cli.usage());
            return 0;
        }
        if (!Cli.NODE_COMMANDS.contains(command) && !Cli.CLIENT_COMMANDS.contains(command)) {
            List<String> all = new ArrayList<>(Cli.NODE_COMMANDS);
            all.addAll(Cli.CLIENT_COMMANDS);
            System.err.println("quotebus: " + Cli.unknown("command", command, all));
            System.err.println(Cli.helpHint());
            return Cli.USAGE;
        }
        String[] r = rest.toArray(String[]::new);
        return switch (command) {
            case "run" -> runNode(r);
            case "import-bars" -> ImportBarsCommand.run(r, System.out, System.err);
            case "import-factors" -> ImportFactorsCommand.run(r, System.out, System.err);
            default -> ClientCommands.run(command, r);
        };
    }

    /** One-line log records; Hazelcast and Netty at WARNING (cluster membership changes still shown). */
    static void configureLogging() {
        if (System.getProperty("java.util.logging.config.file") != null) {
            return;
        }
        try (var in = Main.class.getResourceAsStream("/quotebus-logging.properties")) {
            if (in != null) {
                java.util.logging.LogManager.getLogManager().readConfiguration(in);
            }
        } catch (java.io.IOException e) {
            System.err.println("quotebus: logging configuration not loaded: " + e.getMessage());
        }
    }

    private static int runNode(String[] args) {
        configureLogging();
        Path config = null;
        List<String> overrides = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--config" -> config = Path.of(value(args, ++i, "--config"));
                    case "--roles" -> overrides.add("node.roles=" + value(args, ++i, "--roles"));
                    default -> {
                        if (!args[i].contains("=")) {
                            throw new UsageError(Cli.unknown("argument", args[i], RUN_OPTIONS)
                                    + " for run: it takes --config FILE, --roles ROLES and KEY=VALUE overrides");
                        }
                        overrides.add(args[i]);
                    }
                }
            }
        } catch (UsageError e) {
            System.err.println("quotebus: " + e.getMessage());
            System.err.println(Cli.helpHint());
            return Cli.USAGE;
        }
        for (String o : overrides) {
            int eq = o.indexOf('=');
            System.setProperty("quotebus." + o.substring(0, eq), o.substring(eq + 1));
        }
        QuotebusNode node;
        try {
            node = QuotebusNode.start(QuotebusConfig.load(config)).toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
        } catch (ConfigException e) {
            System.err.println("quotebus: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof ConfigException) {
                System.err.println("quotebus: " + cause.getMessage());
                return 1;
            }
            System.err.println("quotebus: the node did not start: " + cause);
            cause.printStackTrace();
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.stop().toCompletionStage().toCompletableFuture()
                        .get(node.options().shutdownGraceMs() + 5_000, TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                System.err.println("quotebus: unclean stop: " + e);
            } finally {
                stopped.countDown();
            }
        }, "quotebus-shutdown"));
        // The banner says the node serves: printed once it is ready (QuotebusNode logs "ready after N ms"; while it
        // is not, it logs what it waits for every 2 minutes). Never if it stops first.
        node.whenReady().onSuccess(r -> printWelcome(node));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new UsageError(flag + " needs a value");
        }
        return args[i];
    }

    /** A bad node command line; exit {@link Cli#USAGE}. */
    private static final class UsageError extends RuntimeException {
        UsageError(String message) {
            super(message, null, false, false);
        }
    }

    private static void printWelcome(QuotebusNode node) {
        NodeOptions o = node.options();
        StringBuilder sb = new StringBuilder();
        sb.append("\nQuotebus node ").append(o.nodeName()).append(" is up: roles ").append(o.roles()).append('\n');
        if (node.gatewayPort() > 0) {
            sb.append("  clients:  tcp://127.0.0.1:").append(node.gatewayPort())
                    .append("  (Vert.x TCP event-bus bridge protocol, docs/protocol.md)\n");
        }
        if (o.httpPort() > 0) {
            sb.append("  status:   http://").append(o.httpHost()).append(':').append(o.httpPort())
                    .append("/status   metrics: /metrics   health: /health/ready, /health/live\n");
        }
        if (node.gatewayPort() > 0) {
            sb.append("  try:      java -jar target/quotebus.jar quote ").append(node.exampleCodes())
                    .append(" --gateway 127.0.0.1:").append(node.gatewayPort()).append('\n');
            sb.append("      or:   python3 docs/examples/quotebus_client.py 127.0.0.1 ").append(node.gatewayPort())
                    .append('\n');
        }
        sb.append(node.marketWelcome());
        sb.append("  stop:     Ctrl-C (graceful)\n");
        System.out.println(sb);
    }

    /**
     * The banner's lines about the simulated market: its time and the A-shares' phase now, when the phase next
     * changes (in wall time at {@code speed}), and how to start elsewhere.
     */
    static String marketLines(long marketNow, TradingSchedules schedules, double speed) {
        TradingDaySchedule day = schedules.scheduleAt(SessionTemplates.CN_STOCK, marketNow);
        StringBuilder sb = new StringBuilder("  market:   simulated, ")
                .append(ChinaTime.dateTime(marketNow).toLocalTime().withNano(0)).append(" of ").append(day.tradingDay())
                .append(", A-shares: ").append(phaseWords(day.phaseAt(marketNow)));
        long next = day.nextPhaseChange(marketNow);
        if (next != Long.MAX_VALUE) {
            long wallSeconds = (long) Math.ceil((next - marketNow) / speed / 1000.0);
            sb.append("; ").append(phaseWords(day.phaseAt(next))).append(" from ")
                    .append(ChinaTime.dateTime(next).toLocalTime()).append(", in ").append(wallDuration(wallSeconds));
        }
        sb.append('\n');
        sb.append("  start:    clock.start-time=09:14 shows the opening auction first, clock.speed=10 runs ten times")
                .append(" faster (docs/feeds.md)\n");
        return sb.toString();
    }

    /** {@code "59 s"} under two minutes, else {@code "14 min"}, {@code "1 h 59 min"} (minutes rounded up). */
    private static String wallDuration(long seconds) {
        if (seconds < 120) {
            return seconds + " s";
        }
        long minutes = (seconds + 59) / 60;
        return minutes < 60 ? minutes + " min" : minutes / 60 + " h " + minutes % 60 + " min";
    }

    private static String phaseWords(TradingPhase phase) {
        return switch (phase) {
            case PRE_OPEN -> "before the open";
            case OPENING_AUCTION -> "opening call auction";
            case CONTINUOUS -> "continuous trading";
            case BREAK -> "break";
            case CLOSING_AUCTION -> "closing call auction";
            case CLOSED -> "closed";
            default -> phase.name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
