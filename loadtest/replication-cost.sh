#!/usr/bin/env bash
# What one more calculator replica costs (issue 14: "CPU and memory cost of R = 2"): every replica applies every
# event of its shards, so R = 2 costs one more calculator's CPU per event and its heap per shard.
# Starts node A (collector + access, simulator, default market) and node B (one calculator, all 16 shards),
# waits until B is ready, then measures B over SECONDS: CPU time per event applied (process CPU / events), and
# after a full GC the heap it holds per shard.
# Usage: loadtest/replication-cost.sh [SECONDS=60] [SPEED=10]   (needs target/quotebus.jar; copies it to /tmp)
set -euo pipefail
SECONDS_MEASURED=${1:-60}
SPEED=${2:-10}
cd "$(dirname "$0")/.."
WORK=$(mktemp -d /tmp/qb-repcost.XXXX)
cp target/quotebus.jar "$WORK/quotebus.jar"
NAME="repcost-$$"
common=(cluster.name=$NAME "cluster.members=127.0.0.1:5841,127.0.0.1:5842" clock.speed=$SPEED clock.start-time=09:29:40
        simulator.port=9841 node.shutdown-grace-ms=1000)
cleanup() { kill -9 ${A:-} ${B:-} 2>/dev/null || true; rm -rf "$WORK/a" "$WORK/b" "$WORK/quotebus.jar"; echo "logs: $WORK"; }
trap cleanup EXIT
(cd "$WORK" && exec java -Xmx3g -jar quotebus.jar --roles collector,access node.name=A cluster.port=5841 \
    data.dir=$WORK/a http.port=8841 access.port=7841 "${common[@]}" > a.log 2>&1) & A=$!
sleep 5
(cd "$WORK" && exec java -Xmx3g -jar quotebus.jar --roles calculator node.name=B cluster.port=5842 \
    data.dir=$WORK/b http.port=8842 "${common[@]}" > b.log 2>&1) & B=$!
status() { curl -s 127.0.0.1:8842/status; }
for i in $(seq 1 180); do
  if status 2>/dev/null | python3 -c 'import json,sys; s=json.load(sys.stdin); sys.exit(0 if s["calculators"] and all(c.get("ready") for c in s["calculators"]) else 1)' 2>/dev/null; then break; fi
  sleep 1
done
events() { status | python3 -c 'import json,sys; print(sum(c["eventsOffered"] for c in json.load(sys.stdin)["calculators"]))'; }
cpu() { awk '{print $14+$15}' /proc/$B/stat; }   # clock ticks (user + system)
TCK=$(getconf CLK_TCK)
sleep 10   # past the rebuild
e0=$(events); c0=$(cpu)
sleep "$SECONDS_MEASURED"
e1=$(events); c1=$(cpu)
jcmd $B GC.run > /dev/null
sleep 2
heap=$(jcmd $B GC.heap_info | grep -oE 'used [0-9]+K' | head -1 | grep -oE '[0-9]+')
shards=$(status | python3 -c 'import json,sys; print(sum(len(c["shards"]) for c in json.load(sys.stdin)["calculators"]))')
symbols=$(status | python3 -c 'import json,sys; print(sum(c["symbols"] for c in json.load(sys.stdin)["calculators"]))')
python3 - "$e0" "$e1" "$c0" "$c1" "$TCK" "$heap" "$shards" "$symbols" "$SECONDS_MEASURED" <<'PY'
import sys
e0, e1, c0, c1, tck, heap, shards, symbols, secs = map(float, sys.argv[1:])
ev = e1 - e0
cpu_s = (c1 - c0) / tck
print(f"events applied by the calculator: {ev:.0f} in {secs:.0f} s ({ev/secs:.0f}/s)")
print(f"calculator process CPU: {cpu_s:.1f} s = {cpu_s/secs*100:.0f}% of a core; {cpu_s*1e6/ev:.1f} us per event (incl. event bus, GC, pushes, queries none)")
print(f"heap after full GC: {heap/1024:.0f} MiB for {shards:.0f} shards, {symbols:.0f} symbols = {heap/1024/shards:.1f} MiB per shard")
print("R = 2 doubles both, cluster-wide: each event applied on two calculators, each shard held twice")
PY
