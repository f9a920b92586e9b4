package com.quotebus.app;

import com.quotebus.calculator.history.CsvBarImporter;
import com.quotebus.calculator.history.RocksHistoryStore;
import com.quotebus.config.ConfigLoader;
import com.quotebus.config.Settings;
import com.quotebus.core.kline.Period;
import com.quotebus.core.time.TradingCalendar;
import com.quotebus.core.time.TradingSchedules;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code import-bars --file F --period day|1m|5m… [--volume-unit shares|lots] [--amount-unit yuan|thousand]
 * [--data DIR]}: imports Tushare-style CSV bars into the history store (the node must not be running on
 * the same data directory: RocksDB allows one process).
 */
final class ImportBarsCommand {
    private ImportBarsCommand() {}

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path file = null;
        Period period = Period.DAY;
        CsvBarImporter.VolumeUnit vu = CsvBarImporter.VolumeUnit.SHARES;
        CsvBarImporter.AmountUnit au = CsvBarImporter.AmountUnit.YUAN;
        Path data = null;
        try {
            for (int i = 0; i < args.length; i++) {
                String v = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--file" -> file = Path.of(v);
                    case "--period" -> {
                        period = Period.ofWireName(v);
                        if (period == null) {
                            err.println("--period must be one of " + Period.wireNames());
                            return 1;
                        }
                    }
                    case "--volume-unit" -> vu = v.equals("lots") ? CsvBarImporter.VolumeUnit.LOTS
                            : CsvBarImporter.VolumeUnit.SHARES;
                    case "--amount-unit" -> au = v.startsWith("thousand") ? CsvBarImporter.AmountUnit.THOUSAND_YUAN
                            : CsvBarImporter.AmountUnit.YUAN;
                    case "--data" -> data = Path.of(v);
                    default -> {
                        err.println("unknown argument " + args[i]);
                        return 1;
                    }
                }
                i++;
            }
        } catch (NullPointerException e) {
            err.println("an option is missing its value");
            return 1;
        }
        if (file == null || !Files.isRegularFile(file)) {
            err.println("import-bars: --file must name a CSV file (code,time,open,high,low,close,volume,amount)");
            return 1;
        }
        Settings settings = ConfigLoader.load(null);
        Path dir = (data != null ? data : Path.of(settings.string("data.dir", "data"))).resolve("history");
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
            return 2;
        }
    }
}
