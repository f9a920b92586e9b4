#!/usr/bin/env bash
# Runs JMH benchmarks from src/test/java/com/quotebus/bench.
#   loadtest/bench.sh                       # all benchmarks, their default settings
#   loadtest/bench.sh MarketStateBenchmark  # one benchmark (a JMH regex)
#   loadtest/bench.sh MarketState -f 1 -wi 2 -i 3   # extra JMH options
# Prints JMH's table; results also go to loadtest/results/jmh-<date>.json.
set -euo pipefail
cd "$(dirname "$0")/.."
source loadtest/classpath.sh
mkdir -p loadtest/results
out="loadtest/results/jmh-$(date -u +%Y%m%d-%H%M%S).json"
exec java -cp "$test_cp" org.openjdk.jmh.Main \
  -rf json -rff "$out" "$@"
