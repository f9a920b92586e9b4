package com.quotebus.app;

import com.quotebus.calculator.history.CsvBarImporter;
import com.quotebus.calculator.history.RocksHistoryStore;
import com.quotebus.cli.Cli;
import com.quotebus.core.kline.Period;
import com.quotebus.core.time.TradingCalendar;
import com.quotebus.core.time.TradingSchedules;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code import-bars --file F --period day|1m|5m… [--volume-unit shares|lots] [--amount-unit yuan|thousand]
 * [--data DIR]}: imports Tushare-style CSV bars into the history store (the node must not be running on
 * the same data directory: RocksDB allows one process).
 *
 * <p>Exit codes: 0 imported, 1 the file or the store could not be used, 2 bad arguments ({@link Cli#USAGE}),
 * 3 rows rejected.
 */
final class ImportBarsCommand {
    static final List<String> OPTIONS = List.of("--file", "--period", "--volume-unit", "--amount-unit", "--data",
            "--help");

    private ImportBarsCommand() {}

    private static int usageError(PrintStream err, String message) {
        err.println("import-bars: " + message);
        err.println(Cli.helpHint());
        return Cli.USAGE;
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path file = null;
        Period period = Period.DAY;
        CsvBarImporter.VolumeUnit vu = CsvBarImporter.VolumeUnit.SHARES;
        CsvBarImporter.AmountUnit au = CsvBarImporter.AmountUnit.YUAN;
        Path data = null;
        try {
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--help") || args[i].equals("-h")) {
                    out.print(Cli.usage());
                    return Cli.OK;
                }
                String v = i + 1 < args.length ? args[i + 1] : null;
                if (OPTIONS.contains(args[i]) && v == null) {
                    return usageError(err, args[i] + " needs a value");
                }
                switch (args[i]) {
                    case "--file" -> file = Path.of(v);
                    case "--period" -> {
                        period = Period.ofWireName(v);
                        if (period == null) {
                            return usageError(err, "--period must be one of " + Period.wireNames());
                        }
                    }
                    case "--volume-unit" -> vu = v.equals("lots") ? CsvBarImporter.VolumeUnit.LOTS
                            : CsvBarImporter.VolumeUnit.SHARES;
                    case "--amount-unit" -> au = v.startsWith("thousand") ? CsvBarImporter.AmountUnit.THOUSAND_YUAN
                            : CsvBarImporter.AmountUnit.YUAN;
                    case "--data" -> data = Path.of(v);
                    default -> {
                        return usageError(err, Cli.unknown("argument", args[i], OPTIONS));
                    }
                }
                i++;
            }
        } catch (RuntimeException e) {
            return usageError(err, e.getMessage());
        }
        if (file == null || !Files.isRegularFile(file)) {
            return usageError(err, "--file must name a CSV file (code,time,open,high,low,close,volume,amount)");
        }
        Path dir = (data != null ? data : QuotebusConfig.load(null).node().dataDir()).resolve("history");
        TradingCalendar calendar = TradingCalendar.loadDefault();
        try (RocksHistoryStore store = RocksHistoryStore.open(dir)) {
            CsvBarImporter importer = new CsvBarImporter(store, new TradingSchedules(calendar), null);
            long t0 = System.nanoTime();
            CsvBarImporter.Result r = importer.importFile(file, period, vu, au, p -> out.printf(
                    "\r%5.1f%%  %,d bars imported, %,d rejected", p.fraction() * 100, p.rowsImported(),
                    p.rowsRejected()));
            out.printf("%nimported %,d bars into %s in %.1f s; %,d rows rejected%n", r.imported(), dir,
                    (System.nanoTime() - t0) / 1e9, r.rejected());
            r.firstErrors().forEach(e -> err.println("  " + e));
            return r.rejected() > 0 ? 3 : 0;
        } catch (Exception e) {
            err.println("import-bars: " + e.getMessage());
            return 1;
        }
    }
}
