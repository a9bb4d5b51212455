#!/usr/bin/env bash
# Builds the JMH jar and runs the benchmarks with their peers in the same run, then writes a Markdown table
# (benchmark, ours, peer, ratio, target) to nps-benchmarks/target/results.md and prints it.
#
#   nps-benchmarks/run.sh                      # every benchmark
#   nps-benchmarks/run.sh GroupedNpsBenchmark  # a JMH regex
#   JMH_OPTS="-f 1 -wi 5 -i 10" nps-benchmarks/run.sh
#   nps-benchmarks/run.sh --report-only        # rewrite the table from the last run's files
#
# Convention: in each benchmark class, the method whose name starts with "ours" is the engine and the one
# starting with "peer" the comparison (DuckDB, ...). For time modes the ratio is peer time / our time (above 1:
# we are faster); for throughput it is our ops / peer ops. Lines printed by a setup that start with MEMORY or
# CHECK are copied under the table. Add a benchmark's target to TARGETS below.
set -euo pipefail

cd "$(dirname "$0")/.."
OUT=nps-benchmarks/target
REPORT_ONLY=false
if [[ "${1:-}" == "--report-only" ]]; then REPORT_ONLY=true; shift; fi
FILTER="${1:-.*}"
# Modest defaults so GroupedNpsBenchmark (two forks, each loading 10M rows twice) stays under ~5 minutes on 2 cores.
JMH_OPTS="${JMH_OPTS:--f 1 -wi 4 -i 5 -w 2s -r 2s}"

declare -A TARGETS=(
  [GroupedNpsBenchmark]="ours >= 3x faster, <= 16 B/response"
)

if ! $REPORT_ONLY; then
mvn -B -q -pl nps-benchmarks -am package -DskipTests
mkdir -p "$OUT"
rm -f "$OUT/jmh-results.csv"
# JMH runs one suite per machine (/tmp/jmh.lock): on a shared machine, wait for the other run rather than
# measure against it (up to LOCK_WAIT_MINUTES, default 20).
deadline=$(( $(date +%s) + 60 * ${LOCK_WAIT_MINUTES:-20} ))
while true; do
  # shellcheck disable=SC2086
  java -jar "$OUT/benchmarks.jar" "$FILTER" $JMH_OPTS -rf csv -rff "$OUT/jmh-results.csv" 2>&1 | tee "$OUT/jmh-log.txt" || true
  if ! grep -q "Unable to acquire the JMH lock" "$OUT/jmh-log.txt"; then
    [[ -s "$OUT/jmh-results.csv" ]] || { echo "JMH failed, see $OUT/jmh-log.txt" >&2; exit 1; }
    break
  fi
  if (( $(date +%s) > deadline )); then echo "another JMH run kept the lock; giving up" >&2; exit 1; fi
  echo "another JMH run holds /tmp/jmh.lock; retrying in 15 s" >&2
  sleep 15
done
fi

{
  echo "| benchmark | ours | peer | ratio (peer/ours) | target |"
  echo "|---|---|---|---|---|"
  tail -n +2 "$OUT/jmh-results.csv" | tr -d '"' | awk -F, -v targets="$(for k in "${!TARGETS[@]}"; do printf '%s=%s;' "$k" "${TARGETS[$k]}"; done)" '
    BEGIN { n = split(targets, t, ";"); for (i = 1; i <= n; i++) if ((eq = index(t[i], "=")) > 0) target[substr(t[i], 1, eq - 1)] = substr(t[i], eq + 1) }
    {
      name = $1; sub(/.*\./, "", name); cls = $1; sub(/\.[^.]*$/, "", cls); sub(/.*\./, "", cls)
      params = ""; for (i = 8; i <= NF; i++) params = params (params == "" ? "" : ",") $i
      key = cls (params == "" ? "" : " (" params ")")
      cell = sprintf("%.2f ± %.2f %s", $5, $6, $7)
      if (name ~ /^ours/) { ours[key] = $5; oursCell[key] = cell; mode[key] = $2; order[++count] = key }
      else if (name ~ /^peer/) { peer[key] = $5; peerCell[key] = cell }
      cl[key] = cls
    }
    END {
      for (i = 1; i <= count; i++) {
        k = order[i]
        if (k in peer) ratio = (mode[k] == "thrpt") ? ours[k] / peer[k] : peer[k] / ours[k]
        printf "| %s | %s | %s | %s | %s |\n", k, oursCell[k], (k in peer) ? peerCell[k] : "-",
               (k in peer) ? sprintf("%.1fx", ratio) : "-", (cl[k] in target) ? target[cl[k]] : "-"
      }
    }'
  echo
  grep -oE '(MEMORY|CHECK) .*' "$OUT/jmh-log.txt" | sort -u | sed 's/^/- /' || true
  echo
  echo "JMH options: $JMH_OPTS; $(nproc) cores; $(java -version 2>&1 | head -1)"
} > "$OUT/results.md"

cat "$OUT/results.md"
