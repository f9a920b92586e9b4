package com.quotebus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Help, usage errors and their exit codes: none of these needs a gateway. */
class CliUsageTest {
    static final String HINT = "run 'java -jar target/quotebus.jar --help' for the commands\n";

    record Result(int exit, String out, String err) {
    }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), false, 60_000).execute(args);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everyHelpSpellingPrintsTheUsageAndExitsZero() {
        List<String[]> spellings = List.of(new String[] {"--help"}, new String[] {"-h"}, new String[] {"help"},
                new String[] {"quote", "--help"}, new String[] {"kline", "-h"}, new String[] {"instruments", "--help"},
                new String[] {"admin", "--help"}, new String[] {"admin", "kick", "-h"}, new String[] {"admin", "help"},
                new String[] {"--timeout", "8000", "ticks", "--help"});
        for (String[] args : spellings) {
            assertThat(run(args)).as(String.join(" ", args)).isEqualTo(new Result(Cli.OK, Cli.usage(), ""));
        }
    }

    @Test
    void theUsageListsEveryCommandAndNamesTheLauncher() {
        String usage = Cli.usage();
        assertThat(usage).startsWith("usage: java -jar target/quotebus.jar [COMMAND] [options]");
        for (String command : Cli.NODE_COMMANDS) {
            assertThat(usage).contains("\n  " + command);
        }
        for (String command : Cli.CLIENT_COMMANDS) {
            assertThat(usage).contains("\n  " + command + " ");
        }
        for (String admin : List.of("nodes", "services", "sessions", "strategy", "weight", "drain", "undrain", "kick",
                "limits")) {
            assertThat(usage).contains(admin);
        }
        assertThat(usage).contains("exit codes: 0 ok, 1 failed, 2 usage, 3 cannot connect, 4 not found");
    }

    @Test
    void anUnknownOptionIsAUsageErrorNamingTheNearestOption() {
        assertThat(run("kline", "600000.SH", "--perod", "5m")).isEqualTo(new Result(Cli.USAGE, "",
                "quotebus: unknown option '--perod' (did you mean --period?)\n" + HINT));
        assertThat(run("--timout", "8000", "admin", "nodes")).isEqualTo(new Result(Cli.USAGE, "",
                "quotebus: unknown option '--timout' (did you mean --timeout?)\n" + HINT));
        assertThat(run("quote", "600000.SH", "--verbose")).isEqualTo(new Result(Cli.USAGE, "",
                "quotebus: unknown option '--verbose'\n" + HINT));
    }

    @Test
    void anUnknownCommandOrAdminCommandNamesTheNearestOne() {
        assertThat(run("qoute", "600000.SH")).isEqualTo(new Result(Cli.USAGE, "",
                "quotebus: unknown command 'qoute' (did you mean quote?)\n" + HINT));
        assertThat(run("admin", "kik", "s-1", "--token", "t")).isEqualTo(new Result(Cli.USAGE, "",
                "quotebus: unknown admin command 'kik' (did you mean kick?)\n" + HINT));
    }

    @Test
    void anAdminCommandWithoutATokenSaysWhereTheTokenComesFrom() {
        assertThat(run("admin", "nodes")).isEqualTo(new Result(Cli.USAGE, "", "quotebus: admin commands need the"
                + " admin token: --token TOKEN or $QUOTEBUS_ADMIN_TOKEN (the gateway's access.admin-token; admin is off"
                + " while it is unset, see docs/admin.md)\n" + HINT));
    }

}
