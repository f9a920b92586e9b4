#!/usr/bin/env bash
# Load test of the access gateway: one server JVM (LoadTestServer) and load-generator JVMs
# (LoadGenerator), driven by LoadTestRunner; writes loadtest/results/<date>/report.md and PNG plots.
#   loadtest/run.sh                      # standard profile, about 4-5 minutes on 2 cores
#   loadtest/run.sh --profile long       # adds 19,000 connections, longer windows
#   loadtest/run.sh --only fanout-10k,request-50   # a subset (names as in the report; "latency" = probe + half)
#   loadtest/run.sh --no-jfr             # without the server's JFR recording
#   loadtest/run.sh --transport nio      # the server on Netty NIO (or io_uring) instead of native epoll
#   loadtest/run.sh --server-opts "-XX:+UnlockDiagnosticVMOptions -XX:+DumpPerfMapAtExit"   # extra server JVM options
#   loadtest/run.sh --only request-50 --measure-ms 20000   # longer window (more JFR samples)
# Child JVMs are killed on exit, error or Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
source loadtest/classpath.sh
out="loadtest/results/$(date -u +%Y-%m-%d-%H%M)"
args=("$@")
for i in "${!args[@]}"; do
  [[ "${args[$i]}" == "long" ]] && out="$out-long"
  [[ "${args[$i]}" == "--out" ]] && out="${args[$((i+1))]}"
done
mkdir -p "$out/raw"
: > "$out/raw/pids"
runner_pid=""
cleanup() {
  trap - EXIT INT TERM
  if [[ -n "$runner_pid" ]] && kill -0 "$runner_pid" 2>/dev/null; then
    kill "$runner_pid" 2>/dev/null || true      # its shutdown hook kills the child JVMs
    sleep 2
  fi
  while read -r pid; do                         # last resort: the children it recorded, by pid
    [[ -n "$pid" ]] && kill -9 "$pid" 2>/dev/null || true
  done < "$out/raw/pids"
}
trap cleanup EXIT
trap 'cleanup; exit 130' INT TERM
java -Djava.awt.headless=true -Xmx1g -cp "$test_cp" \
  com.quotebus.loadtest.LoadTestRunner --out "$out" "$@" &
runner_pid=$!
wait "$runner_pid"
