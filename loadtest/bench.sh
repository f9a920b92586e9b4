#!/usr/bin/env bash
# Runs JMH benchmarks from src/test/java/com/quotebus/bench.
#   loadtest/bench.sh                       # all benchmarks, their default settings
#   loadtest/bench.sh MarketStateBenchmark  # one benchmark (a JMH regex)
#   loadtest/bench.sh MarketState -f 1 -wi 2 -i 3   # extra JMH options
# Prints JMH's table; results also go to loadtest/results/jmh-<date>.json.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o test-compile 2>/dev/null || mvn -B -q test-compile
cp_file=target/bench.classpath
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >/dev/null 2>&1 \
  || mvn -B -q dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >/dev/null
mkdir -p loadtest/results
out="loadtest/results/jmh-$(date -u +%Y%m%d-%H%M%S).json"
exec java -cp "target/test-classes:target/classes:$(cat "$cp_file")" org.openjdk.jmh.Main \
  -rf json -rff "$out" "$@"
