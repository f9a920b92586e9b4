package com.quotebus.loadtest;

import com.quotebus.loadtest.LoadTestRunner.Result;
import com.quotebus.loadtest.Scenario.Kind;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Writes {@code report.md} and the PNG plots of one run. */
final class Report {
    private final Path out;
    private final String profile;
    private final List<Result> results;
    private final Instant started;
    private final Instant ended;
    private final String loadBefore;
    private final String loadAfter;
    private final String args;
    private final String transport;

    Report(Path out, String profile, List<Result> results, Instant started, Instant ended, String loadBefore,
           String loadAfter, String args, String transport) {
        this.transport = transport;
        this.out = out;
        this.profile = profile;
        this.results = results;
        this.started = started;
        this.ended = ended;
        this.loadBefore = loadBefore;
        this.loadAfter = loadAfter;
        this.args = args;
    }

    static String ms(long nanos) {
        return String.format("%.2f", nanos / 1e6);
    }

    void write() throws IOException {
        plots();
        StringBuilder md = new StringBuilder();
        md.append("# Load-test report (").append(profile).append(" profile)\n\n");
        md.append("- Started ").append(started).append(", ended ").append(ended).append(" (UTC)\n");
        md.append("- Command: `loadtest/run.sh ").append(args).append("`\n");
        md.append("- Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, shared with ")
                .append("other work; load average (1/5/15 min) before ").append(loadBefore).append(", after ")
                .append(loadAfter).append("\n");
        md.append("- Server JVM: `").append(String.join(" ", LoadTestRunner.SERVER_JVM))
                .append("` (+ JFR `settings=profile` unless `--no-jfr`), Java ")
                .append(System.getProperty("java.version")).append(", ").append(transport)
                .append(" transport; generators: `")
                .append(String.join(" ", LoadTestRunner.GENERATOR_JVM)).append("`, ≤ ")
                .append(LoadTestRunner.MAX_PER_GENERATOR).append(" connections per generator JVM\n");
        md.append("- All on loopback: server 127.0.0.1, clients bound to 127.0.0.2, 127.0.0.3, … (25,000 per ")
                .append("address). Messages ≈ 200 bytes on the wire. Latency from the planned send/publish time ")
                .append("(open loop, 1 ms slots).\n\n");
        md.append("## Figures\n\n");
        md.append("| scenario | conns | loops | offered/s | handled/s | server CPU % | kernel % of it | CPU µs/msg | gateway µs/msg | heap KB/conn | "
                + "RSS KB/conn | p50 ms | p99 ms | p99.9 ms | max ms | p50 / p99 from publish ms | errors | gaps (markers/missing seq/dropped) "
                + "| disconnects | load avg |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Result r : results) {
            Scenario s = r.scenario;
            String heapKb = r.connected >= 1000 ? String.format("%.1f", r.heapPerConnKb()) : "-";
            String rssKb = r.connected >= 1000 ? String.format("%.1f", r.rssPerConnKb()) : "-";
            boolean lat = r.hasLatency();
            Histogram h = r.histogram;
            md.append(String.format("| %s | %,d | %d | %,.0f | %,.0f | %.0f | %.0f | %.2f | %.2f | %s | %s | %s | %s | %s | %s | %s "
                            + "| %d | %d/%d/%d | %d | %s → %s |\n",
                    s.name() + " (" + s.kind().name().toLowerCase() + ")", r.connected, s.eventLoops(),
                    s.offeredRate(), r.rate(), r.cpuPercent(), r.sysPercentOfCpu(), r.cpuMicrosPerMessage(),
                    r.gatewayMicrosPerMessage(), heapKb, rssKb,
                    lat ? ms(h.getValueAtPercentile(50)) : "-", lat ? ms(h.getValueAtPercentile(99)) : "-",
                    lat ? ms(h.getValueAtPercentile(99.9)) : "-", lat ? ms(h.getMaxValue()) : "-",
                    r.fromPublish.getTotalCount() > 0 ? ms(r.fromPublish.getValueAtPercentile(50)) + " / "
                            + ms(r.fromPublish.getValueAtPercentile(99)) : "-",
                    r.clientErrors + r.serverErrors + r.connectFailures,
                    r.clientGapMarkers, r.clientMissing, r.serverDropped, r.disconnects, r.loadBefore, r.loadAfter));
        }
        md.append("\nhandled/s: fan-out = frames the server queued to clients; receive = client frames decoded; "
                + "forward = messages the service consumed; request = round trips. CPU µs/msg = server JVM CPU "
                + "time in the window ÷ those messages (the fake publisher and services run inside the server JVM "
                + "and are included); gateway µs/msg leaves out the CPU time of the fakes' own thread. Latency is from the "
                + "planned send/publish time; \"from publish\" (fan-out) from the moment the publisher actually "
                + "published, i.e. without its own timer's lateness. heap/RSS per connection = (after full GC with the connections open − after "
                + "full GC before any) ÷ connections.\n\n");
        for (Result r : results) {
            if (r.firstError != null) {
                md.append("- ").append(r.scenario.name()).append(" first client error: `")
                        .append(r.firstError.replace('`', '\'')).append("`\n");
            }
        }
        md.append("\n## Details per scenario\n\n");
        for (Result r : results) {
            md.append(String.format("- **%s**: %s; window %.1f s; server frames in %,d, out %,d, socket writes %,d "
                            + "(%.1f frames/write); server threads waited %.0f ms/s for a CPU (run queue); client received %,d (%,.0f/s), sent %,d; publisher max lag %s ms\n",
                    r.scenario.name(), r.scenario, r.windowSec, r.framesIn, r.framesOut, r.socketWrites,
                    r.socketWrites == 0 ? 0.0 : (double) r.framesOut / r.socketWrites, r.runQueueWaitMsPerSec(),
                    r.clientReceived,
                    r.clientRate(), r.clientSent, ms(r.publisherMaxLagNanos)));
        }
        md.append("\n## Plots\n\n");
        md.append("![latency](latency.png)\n\n![connections](fanout-connections.png)\n\n")
                .append("![event loops](event-loops.png)\n\n");
        md.append("## Server CPU profile in the measured window (JFR execution samples)\n\n");
        for (Result r : results) {
            JfrSummary p = r.profile;
            if (p == null || p.samples() == 0) {
                continue;
            }
            md.append("### ").append(r.scenario.name()).append(" (").append(p.samples()).append(" samples, ")
                    .append(p.gcs()).append(" GCs, ").append(String.format("%.1f", p.gcPauseMs()))
                    .append(" ms pauses, sampled allocation ")
                    .append(String.format("%.1f MB/s", p.allocationBytes() / 1e6 / Math.max(0.001, r.windowSec)))
                    .append(")\n\n");
            md.append("Top frames (self): ").append(list(p.self(), p.samples())).append("\n\n");
            md.append("On stack (inclusive; our code, event bus, JSON, socket layer): ").append(list(p.inclusive(), p.samples())).append("\n\n");
            md.append("Threads: ").append(list(p.threads(), p.samples())).append("\n\n");
            md.append("Allocation by class: ").append(list(p.allocation(), Math.max(1, p.allocationBytes())))
                    .append("\n\n");
        }
        Files.writeString(out.resolve("report.md"), md.toString());
    }

    private static String list(List<Map.Entry<String, Long>> entries, long total) {
        StringBuilder b = new StringBuilder();
        for (var e : entries) {
            if (!b.isEmpty()) {
                b.append("; ");
            }
            b.append('`').append(e.getKey()).append("` ").append(String.format("%.1f%%", 100.0 * e.getValue() / total));
        }
        return b.toString();
    }

    private void plots() throws IOException {
        XYSeriesCollection lat = new XYSeriesCollection();
        for (Result r : results) {
            if (!r.hasLatency()) {
                continue;
            }
            XYSeries s = new XYSeries(r.scenario.name());
            for (HistogramIterationValue v : r.histogram.percentiles(5)) {
                double p = v.getPercentileLevelIteratedTo();
                if (p >= 100.0) {
                    break;
                }
                s.add(100.0 / (100.0 - p), Math.max(0.001, v.getValueIteratedTo() / 1e6));
            }
            s.add(100.0 / (100.0 - 99.999), Math.max(0.001, r.histogram.getMaxValue() / 1e6));
            lat.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Latency by percentile (from planned time)",
                "percentile: 1/(1-p)  (10 = p90, 100 = p99, 1000 = p99.9, 100000 = max)", "latency, ms", lat,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        LogAxis x = new LogAxis(plot.getDomainAxis().getLabel());
        x.setBase(10);
        x.setSmallestValue(1);
        x.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.#"));
        plot.setDomainAxis(x);
        LogAxis y = new LogAxis("latency, ms (log)");
        y.setBase(10);
        y.setSmallestValue(0.001);
        y.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.###"));
        plot.setRangeAxis(y);
        style(plot);
        ChartUtils.saveChartAsPNG(out.resolve("latency.png").toFile(), chart, 1000, 600);

        dual("Fan-out: deliveries and server CPU per delivery vs connections (10 msg/s per client)",
                "connections", results.stream().filter(r -> r.scenario.name().startsWith("fanout-")).toList(),
                true, out.resolve("fanout-connections.png"));
        dual("Fan-out, 2,000 connections: deliveries and CPU per delivery vs server event loops", "event loops",
                results.stream().filter(r -> r.scenario.name().startsWith("loops-")).toList(), false,
                out.resolve("event-loops.png"));
    }

    private static void dual(String title, String xLabel, List<Result> rs, boolean byConnections, Path file)
            throws IOException {
        XYSeries rate = new XYSeries("deliveries/s (left)");
        XYSeries cpu = new XYSeries("server CPU µs per delivery (right)");
        for (Result r : rs) {
            double xv = byConnections ? r.connected : r.scenario.eventLoops();
            rate.add(xv, r.rate());
            cpu.add(xv, r.cpuMicrosPerMessage());
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, "deliveries per second",
                new XYSeriesCollection(rate), PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        NumberAxis right = new NumberAxis("server CPU µs per delivery");
        right.setAutoRangeIncludesZero(true);
        plot.setRangeAxis(1, right);
        plot.setDataset(1, new XYSeriesCollection(cpu));
        plot.mapDatasetToRangeAxis(1, 1);
        XYLineAndShapeRenderer r1 = new XYLineAndShapeRenderer(true, true);
        r1.setSeriesPaint(0, new Color(30, 90, 200));
        r1.setSeriesStroke(0, new BasicStroke(2f));
        plot.setRenderer(1, r1);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
        style(plot);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 1000, 550);
    }

    private static void style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < 8; i++) {
            r.setSeriesStroke(i, new BasicStroke(2f));
        }
        plot.setRenderer(0, r);
    }
}
