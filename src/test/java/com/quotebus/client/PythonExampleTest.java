package com.quotebus.client;

import static com.quotebus.client.TestMarket.PUFA;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the Python example of docs/clients.md, exactly as written there, against a real gateway. */
class PythonExampleTest {
    @TempDir
    Path dir;

    static String python() {
        for (String candidate : List.of("/usr/bin/python3", "/usr/local/bin/python3")) {
            if (new File(candidate).canExecute()) {
                return candidate;
            }
        }
        for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File f = new File(p, "python3");
            if (f.canExecute()) {
                return f.getPath();
            }
        }
        return null;
    }

    static String exampleFromDocs() throws Exception {
        String doc = Files.readString(Path.of("docs/clients.md"));
        int start = doc.indexOf("```python\n");
        int end = doc.indexOf("```", start + 10);
        assertThat(start).as("a ```python block in docs/clients.md").isPositive();
        return doc.substring(start + "```python\n".length(), end);
    }

    @Test
    void theDocumentedPythonExampleReadsHistoryThenLiveTicks() throws Exception {
        String python = python();
        Assumptions.assumeTrue(python != null, "python3 not installed");
        Path script = dir.resolve("example.py");
        Files.writeString(script, exampleFromDocs());
        Vertx server = Vertx.vertx();
        Process process = null;
        try {
            TestMarket market = new TestMarket(server);
            TestSupport.Gateway gateway = TestSupport.gateway(server, false);
            market.feedTrades(20);
            process = new ProcessBuilder(python, script.toString(), "127.0.0.1", String.valueOf(gateway.port), PUFA,
                    "5").redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
                if (line.equals("subscribed")) {
                    market.feedTrades(5);
                }
            }
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isZero();
            List<Tick> tape = market.tape();
            List<String> expected = new ArrayList<>();
            for (Tick t : tape.subList(17, 20)) {
                expected.add("history seq=" + t.seq() + " price=" + PriceFormat.yuan(t.price()) + " qty=" + t.qty()
                        + " side=" + t.side());
            }
            expected.add("subscribed");
            for (Tick t : tape.subList(20, 25)) {
                expected.add("live seq=" + t.seq() + " price=" + PriceFormat.yuan(t.price()) + " qty=" + t.qty());
            }
            assertThat(lines).isEqualTo(expected);
        } finally {
            if (process != null) {
                process.destroyForcibly();
            }
            TestSupport.await(server.close());
        }
    }
}
