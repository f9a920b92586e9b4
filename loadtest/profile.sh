#!/usr/bin/env bash
# Profiles the gateway server of one load-test scenario with Linux perf (Java frames through the JVM's
# perf map, kernel frames included), and prints where its CPU goes: the kernel's loopback receive path
# (work done for the *client* that loopback charges to the sender), sends, receives, scheduling, GC
# refinement, JIT, and the Java code.
#   loadtest/profile.sh fanout-10k            # scenario name as in loadtest/run.sh
#   loadtest/profile.sh request-50-hot --transport nio
# Needs perf, and kernel.perf_event_paranoid <= 1 for kernel frames (as root: sysctl kernel.perf_event_paranoid=-1).
# Output: loadtest/results/profile-<scenario>-<time>{.log,.perf,/} (not committed: .gitignore).
set -euo pipefail
cd "$(dirname "$0")/.."
scenario=${1:?usage: loadtest/profile.sh <scenario> [run.sh options]}; shift
out=loadtest/results/profile-$scenario-$(date -u +%Y%m%d-%H%M%S)
rm -f /tmp/perf-*.map
loadtest/run.sh --only "$scenario" --no-jfr --warmup-ms 12000 --measure-ms 12000 \
  --server-opts "-XX:+UnlockDiagnosticVMOptions -XX:+DumpPerfMapAtExit -XX:+PreserveFramePointer" \
  --out "$out" "$@" > "$out.log" 2>&1 &
runner=$!
trap 'kill $runner 2>/dev/null || true' EXIT
pid=""
for _ in $(seq 1 300); do pid=$(pgrep -f 'loadtest.LoadTestServer' || true); [[ -n "$pid" ]] && break; sleep 1; done
[[ -n "$pid" ]] || { echo "server did not start (see $out.log)"; exit 1; }
# connections open (file descriptors), then the warm-up, then record 8 s inside the measured window
for _ in $(seq 1 300); do
  want=$(grep -o "connections=[0-9]*" "$out.log" | head -1 | cut -d= -f2 || true)
  [[ -n "$want" ]] && [[ $(ls /proc/"$pid"/fd 2>/dev/null | wc -l) -ge $want ]] && break
  sleep 1
done
sleep 14
perf record -F 999 -g -e cpu-clock -p "$pid" -o "$out.perf" -- sleep 8 2>/dev/null
wait $runner || true
trap - EXIT
grep "^   " "$out.log" || true
echo "perf data: $out.perf (perf report -i $out.perf --children --sort sym)"
perf report -i "$out.perf" --children --sort sym --stdio -g none 2>/dev/null | awk '
  /\[k\] net_rx_action$/                 {printf "loopback receive path (the client'"'"'s, charged to the sender): %s\n", $1}
  /\[k\] __sys_sendto$/                  {printf "send (incl. the loopback receive path):                      %s\n", $1}
  /\[k\] __sys_recvfrom$/                {printf "receive:                                                     %s\n", $1}
  /\[k\] do_epoll_wait$/                 {printf "epoll_wait:                                                  %s\n", $1}
  /\[k\] finish_task_switch/             {printf "context switches:                                            %s\n", $1}
  /G1DirtyCardQueueSet::refine_buffer$/  {printf "G1 concurrent refinement:                                    %s\n", $1}
  /CompileBroker::compiler_thread_loop$/ {printf "JIT compilation:                                             %s\n", $1}
  /\[.\] Interpreter$/                   {printf "Java code (event loops, incl. the fakes):                    %s\n", $1}'
