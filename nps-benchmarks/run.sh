#!/usr/bin/env bash
# Builds the JMH jar, runs the whole suite with the peers in the same run (about 20 minutes on 2 cores) and writes
# a Markdown table (benchmark, ours, peer, ratio, target, check) to nps-benchmarks/target/results.md.
#
#   nps-benchmarks/run.sh                      # the whole suite
#   nps-benchmarks/run.sh Email                # only the suite entries whose class name contains "Email"
#   nps-benchmarks/run.sh --scaling            # grouped NPS in memory at 1M, 10M and 50M responses
#   nps-benchmarks/run.sh --report-only        # rewrite the table from the last run's files
#
# PostgreSQL variants need NPS_TEST_POSTGRES_URL (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres);
# without it they fail in their setup and show "not run". Each benchmark class runs in its own JMH invocation with
# its own options (SUITE below), writing target/suite/<Class>.json and .log; report.py turns those into the table,
# with the targets and the met/missed check. Lines printed by a setup that start with MEMORY or CHECK are copied
# under the table. JMH_EXTRA is appended to every invocation.
set -euo pipefail

cd "$(dirname "$0")/.."
OUT=nps-benchmarks/target
MODE=suite
REPORT_ONLY=false
case "${1:-}" in
  --scaling) MODE=scaling; shift ;;
  --report-only) REPORT_ONLY=true; shift ;;
esac
FILTER="${1:-}"

# class regex | JMH options. Short iterations so the suite fits in 30 minutes on 2 cores; every (method, param)
# combination is a fork, and the forks that load 1M or 10M rows spend most of their time loading.
SUITE=(
  "analytics.GroupedNpsBenchmark|-f 1 -wi 3 -i 5 -w 1s -r 1s"
  "store.StoreInsertBenchmark|-f 1 -wi 1 -i 3 -w 2s -r 2s -e recordAll"
  "store.MemoryRecordingBenchmark|-f 1 -wi 2 -i 3 -w 1s -r 2s -e recordAll"
  "store.StoreGroupedNpsBenchmark|-f 1 -wi 1 -i 3 -w 2s -r 2s"
  "dashboard.DashboardQueryBenchmark|-f 1 -wi 2 -i 3 -w 1s -r 2s -p store=embedded"
  "text.TextAnalyserBenchmark|-f 1 -wi 2 -i 3 -w 1s -r 2s"
  "text.EmbeddingAnalyserBenchmark|-f 1 -wi 2 -i 3 -w 2s -r 3s"
  "dispatch.DispatchBenchmark|-f 1 -wi 2 -i 3 -w 1s -r 2s"
  "dispatch.JdbcDispatchBenchmark|-f 1 -wi 2 -i 3 -w 2s -r 2s -p sendThreads=0 -e claimAndRecordOnly"
  "email.EmailSendBenchmark|-f 1 -wi 2 -i 3 -w 2s -r 2s"
  "sms.SmsSendBenchmark|-f 1 -wi 2 -i 3 -w 1s -r 2s"
)
SCALING_ROWS=(1000000 10000000 50000000)
RECORDING_ROWS=(1000000 10000000)  # the peer only at the first size: recording 10M twice takes too long

# JMH runs one suite per machine (/tmp/jmh.lock). On a shared machine wait for the other run up to
# LOCK_WAIT_MINUTES (default 10), then run anyway and say so in the results (the figures are then noisier).
JAVA_LOCK_OPT=""
jmh() {  # jmh <name> <args...>: one JMH invocation writing $DIR/<name>.json and .log
  local name=$1; shift
  local deadline=$(( $(date +%s) + 60 * ${LOCK_WAIT_MINUTES:-10} ))
  while true; do
    # shellcheck disable=SC2086
    java $JAVA_LOCK_OPT -jar "$OUT/benchmarks.jar" "$@" ${JMH_EXTRA:-} -rf json -rff "$DIR/$name.json" \
      > "$DIR/$name.log" 2>&1 || echo "$name: JMH exited with an error, see $DIR/$name.log" >&2
    grep -q "Unable to acquire the JMH lock" "$DIR/$name.log" || break
    if (( $(date +%s) > deadline )); then
      echo "another JMH run kept /tmp/jmh.lock; running anyway (-Djmh.ignoreLock=true)" | tee -a "$DIR/notes.txt" >&2
      JAVA_LOCK_OPT="-Djmh.ignoreLock=true"
    else
      echo "another JMH run holds /tmp/jmh.lock; retrying in 15 s" >&2
      sleep 15
    fi
  done
  echo "$(date -u +%H:%M:%S) $name done" >&2
}

# The suite options without those JMH_EXTRA sets again (JMH refuses an option given twice), so that
# JMH_EXTRA="-wi 5 -i 10 -r 5s" lengthens every entry. Options are read as "-flag value" pairs.
overridden_by_extra() {
  local -a extra out=()
  read -r -a extra <<< "${JMH_EXTRA:-}"
  while (( $# > 0 )); do
    local flag=$1 value=${2:-} given=false
    # only the options JMH takes once; -p and -jvmArgsAppend may repeat and are kept
    case $flag in -f|-wi|-i|-w|-r|-t|-bm|-tu)
      for e in "${extra[@]}"; do [[ $e == "$flag" ]] && given=true; done ;;
    esac
    $given || out+=("$flag" "$value")
    shift 2 || shift
  done
  echo "${out[@]}"
}

footer() {
  echo
  [[ -f "$DIR/notes.txt" ]] && sed 's/^/- /' "$DIR/notes.txt" && echo
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')),"\
       "$(free -g | awk '/Mem:/ {print $2}') GB RAM; $(java -version 2>&1 | head -1); run $(cat "$DIR/started" 2>/dev/null || date -u)."
}

if [[ $MODE == suite ]]; then
  DIR=$OUT/suite
  if ! $REPORT_ONLY; then
    mvn -B -q -pl nps-benchmarks -am package -DskipTests
    mkdir -p "$DIR"
    date -u > "$DIR/started"
    rm -f "$DIR/notes.txt"
    for entry in "${SUITE[@]}"; do
      regex=${entry%%|*}; opts=${entry#*|}; name=${regex#*.}
      [[ -z $FILTER || $name == *$FILTER* ]] || continue
      rm -f "$DIR/$name.json" "$DIR/$name.log"
      # shellcheck disable=SC2086
      jmh "$name" "dev\\.nps\\.benchmarks\\.${regex//./\\.}\\." $(overridden_by_extra $opts)
    done
  fi
  { python3 nps-benchmarks/report.py suite "$DIR"; footer; echo "Options per class: see SUITE in nps-benchmarks/run.sh."; } \
    > "$OUT/results.md"
  cat "$OUT/results.md"
else
  DIR=$OUT/scaling
  if ! $REPORT_ONLY; then
    mvn -B -q -pl nps-benchmarks -am package -DskipTests
    mkdir -p "$DIR"
    date -u > "$DIR/started"
    rm -f "$DIR"/grouped-* "$DIR/notes.txt"
    for rows in "${SCALING_ROWS[@]}"; do
      # The engine alone (no DuckDB copy); the heap is sized so 50M rows load with room for the growing arrays.
      jmh "grouped-$rows" 'dev\.nps\.benchmarks\.analytics\.GroupedNpsBenchmark\.oursColumnarIndex' \
        -f 1 -wi 3 -i 5 -w 1s -r 1s -jvmArgsAppend "-Xms6g -Xmx6g -Dnps.bench.rows=$rows -Dnps.bench.peer=false"
    done
    rm -f "$DIR"/index-recording-*
    for rows in "${SCALING_ROWS[@]}"; do
      # One shot each: building and appending the rows to an empty in-memory index, then its memory.
      jmh "index-recording-$rows" 'dev\.nps\.benchmarks\.store\.MemoryRecordingBenchmark\.recordAllIntoIndex' \
        -f 1 -wi 0 -i 1 -jvmArgsAppend "-Dnps.bench.recordRows=$rows"
    done
    rm -f "$DIR"/recording-*
    for rows in "${RECORDING_ROWS[@]}"; do
      # One shot each: the time to record all the rows into empty embedded H2 tables, batches of 1,000.
      methods='recordAll(Store|Peer)'; [[ $rows == "${RECORDING_ROWS[0]}" ]] || methods='recordAllStore'
      jmh "recording-$rows" "dev\\.nps\\.benchmarks\\.store\\.StoreInsertBenchmark\\.$methods" \
        -f 1 -wi 0 -i 1 -p db=h2 -jvmArgsAppend "-Dnps.bench.recordRows=$rows"
    done
  fi
  { python3 nps-benchmarks/report.py scaling "$DIR"; footer; } > "$OUT/scaling.md"
  cat "$OUT/scaling.md"
fi
