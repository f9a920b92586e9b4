package com.quotebus.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.quotebus.cli.Cli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The jar's command line: which command runs, help everywhere, usage errors (none of these starts a node). */
class MainArgsTest {
    static final String HINT = "run 'java -jar target/quotebus.jar --help' for the commands\n";
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @BeforeEach
    void capture() {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpOfEveryCommandPrintsTheOneUsageAndExitsZero() {
        String[][] spellings = {{"--help"}, {"-h"}, {"help"}, {"run", "--help"}, {"run", "-h"},
                {"--roles", "access", "--help"}, {"import-bars", "--help"}, {"import-factors", "-h"},
                {"quote", "--help"}, {"admin", "services", "--help"}, {"--timeout", "8000", "admin", "-h"}};
        for (String[] args : spellings) {
            out.reset();
            assertThat(Main.run(args)).as(String.join(" ", args)).isZero();
            assertThat(out()).as(String.join(" ", args)).isEqualTo(Cli.usage());
        }
        assertThat(err()).isEmpty();
    }

    @Test
    void optionsBeforeTheCommandGoToThatCommand() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertThat(Main.run(new String[] {"--timeout", "8000", "--gateway", "127.0.0.1:" + port, "admin", "nodes",
                "--token", "t"})).isEqualTo(Cli.CONNECTION);
        assertThat(err()).startsWith("quotebus: cannot connect to 127.0.0.1:" + port);
    }

    @Test
    void anUnknownArgumentOfRunIsAUsageErrorNamingTheNearestOption() {
        assertThat(Main.run(new String[] {"run", "--confg", "verticles.conf"})).isEqualTo(Cli.USAGE);
        assertThat(err()).isEqualTo("quotebus: unknown argument '--confg' (did you mean --config?) for run: it takes"
                + " --config FILE, --roles ROLES and KEY=VALUE overrides\n" + HINT);
        assertThat(out()).isEmpty();
    }

    @Test
    void aMissingValueOfRunIsAUsageErrorNotAStackTrace() {
        assertThat(Main.run(new String[] {"--roles"})).isEqualTo(Cli.USAGE);
        assertThat(err()).isEqualTo("quotebus: --roles needs a value\n" + HINT);
    }

    @Test
    void anUnknownArgumentOfImportBarsIsAUsageError() {
        assertThat(Main.run(new String[] {"import-bars", "--fille", "x.csv"})).isEqualTo(Cli.USAGE);
        assertThat(err()).isEqualTo("import-bars: unknown argument '--fille' (did you mean --file?)\n" + HINT);
    }

    @Test
    void aMistypedCommandNamesTheNearestCommand() {
        assertThat(Main.run(new String[] {"imprt-bars", "--file", "x.csv"})).isEqualTo(Cli.USAGE);
        assertThat(err()).isEqualTo("quotebus: unknown command 'imprt-bars' (did you mean import-bars?)\n" + HINT);
    }
}
