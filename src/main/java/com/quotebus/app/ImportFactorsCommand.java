package com.quotebus.app;

import com.quotebus.calculator.history.RocksHistoryStore;
import com.quotebus.core.adjust.AdjustFactor;
import com.quotebus.core.adjust.AdjustFactorCsv;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code import-factors --file F [--replace] [--data DIR]}: imports adjustment factors (复权因子) from CSV in
 * the layout of Tushare's {@code adj_factor} ({@code ts_code,trade_date,adj_factor}; see {@link AdjustFactorCsv})
 * into the history store, where the node reads them at start. The whole file is checked first and nothing is
 * written if any row is bad. Factors are stored per (code, date): importing a file again changes nothing, a
 * newer file adds and corrects dates; {@code --replace} first removes every stored factor of the file's codes
 * (for a vendor's restated series). The node must be stopped (RocksDB allows one process) and restarted to use
 * the new factors.
 *
 * <p>Exit codes: 0 imported, 1 bad arguments, 2 the file or the store could not be used, 3 rows rejected.
 */
final class ImportFactorsCommand {
    static final String USAGE = "import-factors --file adj_factor.csv [--replace] [--data DIR]";
    /** Codes written per store call, bounding the memory of a whole-market file. */
    private static final int CODES_PER_WRITE = 500;

    private ImportFactorsCommand() {}

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path file = null;
        Path data = null;
        boolean replace = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> {
                    out.print(com.quotebus.cli.Cli.usage());
                    return 0;
                }
                case "--file", "--data" -> {
                    if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                        err.println("import-factors: " + args[i] + " needs a value (" + USAGE + ")");
                        return 2;
                    }
                    Path p = Path.of(args[++i]);
                    if (args[i - 1].equals("--file")) {
                        file = p;
                    } else {
                        data = p;
                    }
                }
                case "--replace" -> replace = true;
                default -> {
                    err.println("import-factors: unknown argument '" + args[i] + "' (" + USAGE + ")");
                    return 2;
                }
            }
        }
        if (file == null || !Files.isRegularFile(file)) {
            err.println("import-factors: --file must name a CSV file of ts_code,trade_date,adj_factor rows ("
                    + USAGE + ")");
            return 2;
        }
        AdjustFactorCsv.Result parsed;
        try {
            parsed = AdjustFactorCsv.read(file);
        } catch (IOException e) {
            err.println("import-factors: cannot read " + file + ": " + e.getMessage());
            return 1;
        }
        if (!parsed.ok()) {
            parsed.errors().forEach(e -> err.println("  " + e));
            if (parsed.errorCount() > parsed.errors().size()) {
                err.println("  … and " + (parsed.errorCount() - parsed.errors().size()) + " more");
            }
            err.printf("import-factors: %,d of %,d rows rejected; nothing imported%n", parsed.errorCount(),
                    parsed.rows());
            return 3;
        }
        Path dir = (data != null ? data : Path.of(dataDir())).resolve("history");
        try (RocksHistoryStore store = RocksHistoryStore.open(dir)) {
            long added = 0;
            long changed = 0;
            long unchanged = 0;
            long removed = 0;
            List<String> codes = parsed.codes();
            for (int from = 0; from < codes.size(); from += CODES_PER_WRITE) {
                Map<String, List<AdjustFactor>> chunk = new LinkedHashMap<>();
                for (String code : codes.subList(from, Math.min(codes.size(), from + CODES_PER_WRITE))) {
                    List<AdjustFactor> factors = parsed.factorsOf(code);
                    Map<LocalDate, AdjustFactor> stored = new HashMap<>();
                    store.adjustFactors(code).forEach(f -> stored.put(f.date(), f));
                    for (AdjustFactor f : factors) {
                        AdjustFactor old = stored.remove(f.date());
                        if (old == null) {
                            added++;
                        } else if (old.factor().compareTo(f.factor()) != 0) {
                            changed++;
                        } else {
                            unchanged++;
                        }
                    }
                    removed += replace ? stored.size() : 0;
                    chunk.put(code, factors);
                }
                if (replace) {
                    store.replaceAdjustFactors(chunk);
                } else {
                    store.putAdjustFactors(chunk);
                }
            }
            out.printf("imported %,d factors of %,d codes from %s into %s: %,d new, %,d changed, %,d already stored%s%n",
                    parsed.factorCount(), codes.size(), file.getFileName(), dir, added, changed, unchanged,
                    replace ? String.format(", %,d removed", removed) : "");
            out.println("a running node reads factors at start: restart it to adjust with them");
            return 0;
        } catch (RuntimeException e) {
            err.println("import-factors: " + e.getMessage());
            return 1;
        }
    }

    private static String dataDir() {
        return QuotebusConfig.load(null).node().dataDir().toString();
    }
}
