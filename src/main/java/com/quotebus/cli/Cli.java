package com.quotebus.cli;

import com.quotebus.client.ClientOptions;
import com.quotebus.client.ConnectionListener;
import com.quotebus.client.Endpoint;
import com.quotebus.client.ErrorCode;
import com.quotebus.client.QuotebusClient;
import com.quotebus.client.QuotebusException;
import com.quotebus.client.Quote;
import com.quotebus.client.Resync;
import com.quotebus.client.StreamListener;
import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The command line of the jar: {@code java -jar quotebus.jar <command> …}. {@link #usage()} is the one usage
 * text of every command of the jar (node, imports, client tools); {@link #run} runs a client tool and returns
 * the exit code: 0 ok, 1 request failed, 2 usage, 3 cannot connect, 4 not found, 5 not permitted.
 */
public final class Cli {
    public static final int OK = 0;
    /** The request failed (bad parameter, timeout, no service, …). */
    public static final int REQUEST = 1;
    /** A bad command line: unknown command or option, missing argument, bad number. */
    public static final int USAGE = 2;
    /** No gateway could be reached, or the connection was lost mid-request. */
    public static final int CONNECTION = 3;
    /** Not found: an unknown instrument code; for admin commands an unknown session, service or instance. */
    public static final int NOT_FOUND = 4;
    public static final int UNKNOWN_CODE = NOT_FOUND;
    /** Not permitted: admin off on the gateway, admin token rejected, address not permitted. */
    public static final int DENIED = 5;

    static final String DEFAULT_GATEWAY = "127.0.0.1:7000";
    static final String TOKEN_ENV = "QUOTEBUS_ADMIN_TOKEN";

    /** The client tools ({@link #run}); the other commands of the jar are {@link #NODE_COMMANDS}. */
    public static final List<String> CLIENT_COMMANDS = List.of("quote", "kline", "minute", "ticks", "pricevol",
            "indicator", "instruments", "admin");
    /** Commands of {@code app.Main} that do not talk to a gateway. */
    public static final List<String> NODE_COMMANDS = List.of("run", "import-bars", "import-factors", "help");

    private static final String LAUNCHER = findLauncher();

    private static final String USAGE_TEXT = """
            usage: %1$s [COMMAND] [options]     (options may come before or after the command)

            node:
              run [--config FILE] [--roles collector,calculator,access] [KEY=VALUE...]
                    start a node; the default with no command: every role on embedded defaults (simulated
                    market, gateway on 7000, HTTP on 8080). KEY=VALUE overrides verticles.conf (access.port=7100)
            history (the node must be stopped):
              import-bars --file F.csv [--period day] [--volume-unit shares|lots] [--amount-unit yuan|thousand] [--data DIR]
              import-factors --file adj_factor.csv [--replace] [--data DIR]
            client tools (talk to a running gateway):
              quote CODE...                       live quotes (--once: one table and exit; --duration SECONDS)
              kline CODE [--period 1m] [--count 30] [--adjust none|forward|backward] [--end EPOCH_MS]
              minute CODE [--date YYYY-MM-DD]     the day's 分时 line with sparkline and average price
              ticks CODE [--count 50] [--before SEQ]
              pricevol CODE                       分价 table with 外盘/内盘 bars
              indicator CODE --name MACD [--period day] [--params 12,26,9] [--count 20]
              instruments [MARKET]                the instrument list (SH SZ SHF INE DCE CZC CFX GFE)
              admin nodes|services|sessions       cluster state (docs/admin.md)
              admin strategy SERVICE STRATEGY | weight SERVICE INSTANCE W | drain SERVICE INSTANCE
              admin undrain SERVICE INSTANCE | kick SESSION | limits [KEY=VALUE...]
              help                                this text (also --help, -h, COMMAND --help)
            client options: --gateway HOST:PORT (repeatable; default 127.0.0.1:7000)  --timeout MS (default 2000)
                            --token TOKEN (admin; or $QUOTEBUS_ADMIN_TOKEN; the gateway's access.admin-token)
            exit codes: 0 ok, 1 failed, 2 usage, 3 cannot connect, 4 not found (code, session, instance),
                        5 not permitted (admin off or token rejected)
            """;

    /** The usage text of every command of the jar, naming the launcher actually used. */
    public static String usage() {
        return USAGE_TEXT.formatted(LAUNCHER);
    }

    /** How this jar was started: {@code java -jar <the jar's path>} (relative to the working directory if under it). */
    public static String launcher() {
        return LAUNCHER;
    }

    private static String findLauncher() {
        try {
            Path jar = Path.of(Cli.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (jar.getFileName() != null && jar.getFileName().toString().endsWith(".jar")) {
                Path cwd = Path.of("").toAbsolutePath();
                return "java -jar " + (jar.startsWith(cwd) ? cwd.relativize(jar) : jar);
            }
        } catch (RuntimeException | java.net.URISyntaxException e) {
            // no code source (e.g. a custom class loader): the documented path
        }
        return "java -jar target/quotebus.jar";
    }

    /** Whether {@code arg} is a client option that takes a value ({@code --timeout 8000}). */
    public static boolean takesValue(String arg) {
        return arg.startsWith("--") && Args.VALUED.contains(arg.substring(2));
    }

    /** The one-line hint after a usage error. */
    public static String helpHint() {
        return "run '" + LAUNCHER + " --help' for the commands";
    }

    /** "unknown option '--timout' (did you mean --timeout?)": names the nearest valid one if it is a typo away. */
    public static String unknown(String what, String given, Collection<String> valid) {
        return Args.unknown(what, given, valid);
    }

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final boolean terminal;
    private final long progressAfterMs;

    /**
     * @param terminal        whether {@code out} is a terminal (ANSI redraw for live views)
     * @param progressAfterMs after how long a wait is reported on {@code err}
     */
    Cli(PrintStream out, PrintStream err, Map<String, String> env, boolean terminal, long progressAfterMs) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.terminal = terminal;
        this.progressAfterMs = progressAfterMs;
    }

    /** Runs one command; ANSI redraw only when {@code out} is the console. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        boolean terminal = out == System.out && System.console() != null;
        return new Cli(out, err, System.getenv(), terminal, 1000).execute(args);
    }

    int execute(String[] argv) {
        Args args;
        try {
            args = Args.parse(argv);
        } catch (Args.UsageException e) {
            return usage(e.getMessage());
        }
        if (args.flag("help") || args.positional.isEmpty()) {
            out.print(usage());
            return args.positional.isEmpty() && !args.flag("help") ? USAGE : OK;
        }
        String command = args.positional.get(0);
        List<String> rest = args.positional.subList(1, args.positional.size());
        QuotebusClient client = null;
        try {
            Runnable check = commandCheck(command, rest, args);
            check.run();
            List<Endpoint> endpoints = new ArrayList<>();
            for (String g : args.all("gateway").isEmpty() ? List.of(DEFAULT_GATEWAY) : args.all("gateway")) {
                endpoints.add(Endpoint.parse(g));
            }
            int timeoutMs = args.integer("timeout", 2000, 1, 600_000);
            client = QuotebusClient.create(ClientOptions.builder().endpoints(endpoints)
                    .requestTimeout(Duration.ofMillis(timeoutMs)).build());
            await(client.connect(), "connecting to " + endpoints);
            return dispatch(client, command, rest, args);
        } catch (Args.UsageException | IllegalArgumentException e) {
            return usage(e.getMessage());
        } catch (QuotebusException e) {
            return failure(e, args, command.equals("admin") ? rest.get(0) : null);
        } finally {
            if (client != null) {
                client.close();
            }
        }
    }

    private int usage(String message) {
        err.println("quotebus: " + message);
        err.println(helpHint());
        return USAGE;
    }

    /** Checks the command's arguments before connecting, so a typo does not wait for a gateway. */
    private Runnable commandCheck(String command, List<String> rest, Args args) {
        return () -> {
            switch (command) {
                case "quote" -> need(rest, 1, -1, "quote CODE...");
                case "kline", "minute", "ticks", "pricevol" -> need(rest, 1, 1, command + " CODE");
                case "indicator" -> {
                    need(rest, 1, 1, "indicator CODE --name NAME");
                    if (args.get("name", null) == null) {
                        throw new Args.UsageException("indicator needs --name (e.g. MACD, KDJ, RSI, BOLL, MA)");
                    }
                }
                case "instruments" -> need(rest, 0, 1, "instruments [MARKET]");
                case "admin" -> adminCheck(rest, args);
                default -> {
                    List<String> all = new ArrayList<>(NODE_COMMANDS);
                    all.addAll(CLIENT_COMMANDS);
                    throw new Args.UsageException(unknown("command", command, all));
                }
            }
        };
    }

    private static void need(List<String> rest, int min, int max, String form) {
        if (rest.size() < min || (max >= 0 && rest.size() > max)) {
            throw new Args.UsageException("usage: " + LAUNCHER + " " + form);
        }
    }

    private static final String NOT_FOUND_PREFIX = "not_found:";

    private static final Map<String, Integer> ADMIN_ARITY = Map.of("nodes", 0, "services", 0, "sessions", 0,
            "strategy", 2, "weight", 3, "drain", 2, "undrain", 2, "kick", 1, "limits", -1);

    private void adminCheck(List<String> rest, Args args) {
        if (rest.isEmpty()) {
            throw new Args.UsageException("usage: " + LAUNCHER + " admin nodes|services|sessions|strategy|weight"
                    + "|drain|undrain|kick|limits …");
        }
        if (!ADMIN_ARITY.containsKey(rest.get(0))) {
            throw new Args.UsageException(unknown("admin command", rest.get(0), new java.util.TreeSet<>(ADMIN_ARITY.keySet())));
        }
        int arity = ADMIN_ARITY.get(rest.get(0));
        if (arity >= 0 && rest.size() - 1 != arity) {
            throw new Args.UsageException("admin " + rest.get(0) + " takes " + arity + " argument(s): "
                    + switch (rest.get(0)) {
                        case "strategy" -> "SERVICE STRATEGY";
                        case "weight" -> "SERVICE INSTANCE WEIGHT";
                        case "drain", "undrain" -> "SERVICE INSTANCE";
                        case "kick" -> "SESSION";
                        default -> "none";
                    });
        }
        if (token(args) == null) {
            throw new Args.UsageException("admin commands need the admin token: --token TOKEN or $" + TOKEN_ENV
                    + " (the gateway's access.admin-token; admin is off while it is unset, see docs/admin.md)");
        }
    }

    private String token(Args args) {
        String t = args.get("token", null);
        return t != null ? t : env.get(TOKEN_ENV);
    }

    private int dispatch(QuotebusClient client, String command, List<String> rest, Args args) {
        switch (command) {
            case "quote" -> {
                return quote(client, rest, args);
            }
            case "kline" -> out.print(Views.kline(await(client.kline(rest.get(0), args.get("period", "1m"),
                    args.integer("count", 30, 1, 1000), args.get("end", null) == null ? null
                            : Long.parseLong(args.get("end", null)), args.get("adjust", null)), "svc.kline"), 12));
            case "minute" -> out.print(Views.minute(await(client.minute(rest.get(0), args.get("date", null)),
                    "svc.minute"), 80));
            case "ticks" -> out.print(Views.ticks(await(client.ticks(rest.get(0), args.integer("count", 50, 1, 1000),
                    args.get("before", null) == null ? null : Long.parseLong(args.get("before", null))),
                    "svc.ticks")));
            case "pricevol" -> out.print(Views.priceVolume(await(client.priceVolume(rest.get(0)), "svc.pricevol"),
                    12));
            case "indicator" -> out.print(Views.indicator(await(client.indicator(rest.get(0),
                    args.get("period", "day"), args.get("name", null), params(args.get("params", null)),
                    args.integer("count", 20, 1, 1000)), "svc.indicator")));
            case "instruments" -> out.print(Views.instruments(await(client.instruments(
                    rest.isEmpty() ? null : rest.get(0)), "svc.instruments")));
            case "admin" -> {
                JsonObject reply = await(client.admin(rest.get(0), adminBody(rest), token(args)), "admin." + rest.get(0));
                out.print(rest.get(0).equals("services") ? AdminTables.services(reply, System.currentTimeMillis())
                        : Views.admin(reply));
            }
            default -> throw new Args.UsageException("unknown command '" + command + "'");
        }
        return OK;
    }

    static int[] params(String text) {
        if (text == null) {
            return null;
        }
        String[] parts = text.split(",");
        int[] p = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                p[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new Args.UsageException("--params must be whole numbers separated by commas, e.g. 12,26,9");
            }
        }
        return p;
    }

    /** The request body of each admin command (docs/clients.md, "Admin contract"). */
    static JsonObject adminBody(List<String> rest) {
        List<String> a = rest.subList(1, rest.size());
        return switch (rest.get(0)) {
            case "strategy" -> new JsonObject().put("service", a.get(0)).put("strategy", a.get(1));
            case "weight" -> {
                int w;
                try {
                    w = Integer.parseInt(a.get(2));
                } catch (NumberFormatException e) {
                    throw new Args.UsageException("WEIGHT must be a whole number, was '" + a.get(2) + "'");
                }
                yield new JsonObject().put("service", a.get(0)).put("instance", a.get(1)).put("weight", w);
            }
            case "drain", "undrain" -> new JsonObject().put("service", a.get(0)).put("instance", a.get(1));
            case "kick" -> new JsonObject().put("session", a.get(0));
            case "limits" -> {
                JsonObject body = new JsonObject();
                for (String kv : a) {
                    int eq = kv.indexOf('=');
                    if (eq <= 0) {
                        throw new Args.UsageException("limits takes KEY=VALUE pairs, got '" + kv + "'");
                    }
                    String v = kv.substring(eq + 1);
                    Object value = v.matches("-?\\d+") ? (Object) Long.parseLong(v) : v;
                    body.put(kv.substring(0, eq), value);
                }
                yield body;
            }
            default -> new JsonObject();
        };
    }

    // ---------------------------------------------------------------- live quotes

    private int quote(QuotebusClient client, List<String> codes, Args args) {
        List<Quote> first = inGivenOrder(codes, snapshot(client, codes));
        if (args.flag("once")) {
            out.print(Views.quotes(first));
            List<String> untraded = codes.stream().distinct()
                    .filter(c -> first.stream().noneMatch(q -> q.code().equals(c))).toList();
            if (!untraded.isEmpty()) {
                out.println("no trade yet today: " + String.join(", ", untraded));
            }
            return OK;
        }
        int seconds = args.integer("duration", 0, 0, 86_400);
        Map<String, Quote> latest = new LinkedHashMap<>();
        codes.forEach(c -> latest.put(c, null));
        first.forEach(q -> latest.put(q.code(), q));
        LinkedBlockingQueue<Object> events = new LinkedBlockingQueue<>(100_000);
        client.connectionListener(new ConnectionListener() {
            @Override
            public void disconnected(Endpoint endpoint, String reason) {
                events.offer("connection lost: " + reason);
            }

            @Override
            public void reconnecting(Endpoint endpoint, long delayMs) {
                events.offer("reconnecting to " + endpoint + " in " + delayMs + " ms …");
            }

            @Override
            public void connected(Endpoint endpoint, boolean resumed) {
                events.offer("connected to " + endpoint + (resumed ? " (session resumed)" : ""));
            }
        });
        await(client.quote(codes, new StreamListener<>() {
            @Override
            public void onUpdate(Quote q) {
                events.offer(q);
            }

            @Override
            public void onResync(Resync r) {
                events.offer("resync " + r.address() + " (" + r.reason() + ")");
            }
        }), "subscribing");
        // A gateway gives a subscriber the current value first (docs/protocol.md): usually the quote the snapshot
        // just printed. Each code's newest shown quote (latest) tells an update from a repeat.
        if (terminal) {
            redraw(latest);
        } else {
            latest.values().stream().filter(q -> q != null).forEach(q -> out.println(Views.quoteLine(q)));
        }
        long deadline = seconds == 0 ? Long.MAX_VALUE : System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long lastDraw = 0;
        boolean dirty = false;
        try {
            while (System.nanoTime() < deadline) {
                Object e = events.poll(100, TimeUnit.MILLISECONDS);
                if (e instanceof Quote q) {
                    if (!isNewer(q, latest.get(q.code()))) {
                        continue;
                    }
                    latest.put(q.code(), q);
                    if (terminal) {
                        dirty = true;
                    } else {
                        out.println(Views.quoteLine(q));
                    }
                } else if (e instanceof String s) {
                    err.println(s);
                }
                if (dirty && System.nanoTime() - lastDraw > 250_000_000L) {
                    redraw(latest);
                    lastDraw = System.nanoTime();
                    dirty = false;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return OK;
    }

    /**
     * The newest quotes of {@code codes}. An unknown code fails the request; the gateway may split it by shard and
     * answer with the first part that failed, which names only that part's unknown codes, so the failure names
     * every code the instrument list does not hold.
     */
    private List<Quote> snapshot(QuotebusClient client, List<String> codes) {
        try {
            return await(client.snapshot(codes), "svc.snapshot");
        } catch (QuotebusException e) {
            if (e.code() != ErrorCode.UNKNOWN_CODE) {
                throw e;
            }
            java.util.Set<String> known = new java.util.HashSet<>();
            try {
                await(client.instruments(null), "svc.instruments").forEach(i -> known.add(i.code()));
            } catch (QuotebusException listFailed) {
                throw e;
            }
            List<String> unknown = codes.stream().distinct().filter(c -> !known.contains(c)).toList();
            if (unknown.isEmpty()) {
                throw e;
            }
            throw new QuotebusException(ErrorCode.UNKNOWN_CODE, "svc.snapshot", (unknown.size() == 1
                    ? "'" + unknown.get(0) + "' is not a known instrument"
                    : "not known instruments: " + String.join(", ", unknown)) + " (" + unknown.size() + " of "
                    + codes.size() + " codes)");
        }
    }

    /** The quotes in the order their codes were given (a reply merged from shards comes in shard order). */
    static List<Quote> inGivenOrder(List<String> codes, List<Quote> quotes) {
        Map<String, Quote> byCode = new java.util.HashMap<>();
        quotes.forEach(q -> byCode.put(q.code(), q));
        return codes.stream().distinct().map(byCode::get).filter(q -> q != null).toList();
    }

    /**
     * Whether {@code q} is an update after {@code shown} (null: nothing shown yet): a higher seq, or a later time
     * (a new trading day numbers its quotes from 1 again).
     */
    static boolean isNewer(Quote q, Quote shown) {
        return shown == null || q.seq() > shown.seq() || q.time() > shown.time();
    }

    private void redraw(Map<String, Quote> latest) {
        List<Quote> shown = latest.values().stream().filter(q -> q != null).toList();
        out.print("\033[H\033[2J" + Views.quotes(shown) + "\n(updating; Ctrl-C to quit)\n");
        out.flush();
    }

    // ---------------------------------------------------------------- waiting and errors

    /** Waits for a reply, telling the user (after {@code progressAfterMs}) that it is still waiting. */
    private <T> T await(CompletableFuture<T> future, String what) {
        long start = System.nanoTime();
        boolean told = false;
        while (true) {
            try {
                return future.get(told ? 1000 : progressAfterMs, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (!told) {
                    err.println("waiting for " + what + " …");
                    told = true;
                }
                if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(15)) {
                    throw new QuotebusException(ErrorCode.TIMEOUT, what, "gave up after 15 minutes");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new QuotebusException(ErrorCode.CLOSED, what, "interrupted");
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof QuotebusException q) {
                    throw q;
                }
                throw new QuotebusException(ErrorCode.UNKNOWN, what, String.valueOf(c));
            }
        }
    }

    /** @param adminCommand the admin command that failed, or null for the other commands */
    private int failure(QuotebusException e, Args args, String adminCommand) {
        String gateways = String.join(", ", args.all("gateway").isEmpty() ? List.of(DEFAULT_GATEWAY)
                : args.all("gateway"));
        int notFound = e.getMessage().indexOf(NOT_FOUND_PREFIX);
        if (adminCommand != null && notFound >= 0) { // the admin service's 404: an unknown session, service, instance
            err.println("quotebus: admin " + adminCommand + ": "
                    + e.getMessage().substring(notFound + NOT_FOUND_PREFIX.length()).trim());
            return NOT_FOUND;
        }
        switch (e.code()) {
            case CONNECT_FAILED -> {
                err.println("quotebus: " + e.getMessage().replaceFirst("^connect_failed: ", ""));
                err.println("is the gateway running? Start a Quotebus node with the access gateway (" + LAUNCHER
                        + ", see README), or point to one with --gateway HOST:PORT (tried " + gateways + ")");
                return CONNECTION;
            }
            case CONNECTION_LOST -> {
                err.println("quotebus: lost the connection to the gateway: " + e.getMessage()
                        + "; retry the command");
                return CONNECTION;
            }
            case UNKNOWN_CODE -> {
                err.println("quotebus: " + e.getMessage());
                err.println("check the code and its market suffix (e.g. 600000.SH, 000001.SZ, rb2605.SHF);"
                        + " list codes with '" + LAUNCHER + " instruments SH'");
                return NOT_FOUND;
            }
            case ADMIN_OFF -> {
                err.println("quotebus: admin is off on this gateway (it has no access.admin-token)");
                err.println("enable admin with access.admin-token=SECRET on the gateway (e.g. " + LAUNCHER
                        + " access.admin-token=SECRET; see docs/admin.md), then pass it with --token or $" + TOKEN_ENV);
                return DENIED;
            }
            case INVALID_TOKEN -> {
                err.println("quotebus: the gateway refused admin" + (adminCommand == null ? "" : " " + adminCommand)
                        + ": the token is not its access.admin-token");
                err.println("pass the gateway's access.admin-token with --token or $" + TOKEN_ENV + " (docs/admin.md)");
                return DENIED;
            }
            case ACCESS_DENIED -> {
                err.println("quotebus: " + e.getMessage());
                err.println("the gateway does not permit this address for clients");
                return DENIED;
            }
            case TIMEOUT -> {
                err.println("quotebus: " + e.getMessage());
                err.println("the service did not answer in time: it may be busy or restarting; retry, or allow"
                        + " more time with --timeout MS");
                return REQUEST;
            }
            case NO_HANDLERS -> {
                err.println("quotebus: " + e.getMessage());
                err.println("no service is running at that address: is a calculator (or the admin service) up?");
                return REQUEST;
            }
            default -> {
                err.println("quotebus: " + e.getMessage());
                return REQUEST;
            }
        }
    }
}
