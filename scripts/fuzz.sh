#!/usr/bin/env bash
# Builds the libFuzzer entries in Fuzz/ with the fuzzer and address sanitizers and runs each for
# SECONDS (default 60), starting from seeds in the repository. Inputs reach 1 MB, so slowness
# that grows with size is reachable; an input that takes over 10 s is a hang, and one that needs
# over 2 GB is out of memory. Exits non-zero, with the input saved under .build-fuzz/findings/,
# when an entry crashes, hangs or runs out of memory.
#
#   bash scripts/fuzz.sh [SECONDS] [ENTRY...]    (entries: all of them by default)
#   bash scripts/fuzz.sh 0 csv -runs=10000000     (a count of runs instead of a time)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
entries=()
extra=()
for argument in "$@"; do
  if [[ $argument == -* ]]; then extra+=("$argument"); else entries+=("$argument"); fi
done
if [[ ${#entries[@]} -eq 0 ]]; then
  entries=(yaml rules data configuration csv filing xlsx quantity markdown html text wordpress lsp)
fi

build=$PWD/.build-fuzz
(cd Fuzz && swift build -c release --build-path "$build" -Xswiftc -sanitize=fuzzer,address)
fuzzer=$build/release/FactlintFuzz

# Seeds: the repository's own files of the kind each entry reads.
seeds() {
  case $1 in
    yaml | rules | data)
      find rules data examples schema Tests/LintTests/Fixtures -name '*.yml' -o -name '*.yaml' ;;
    # The repository keeps no configuration of its own; YAML is where its fuzzing starts.
    configuration) find examples rules -name '*.yml' ;;
    csv) find Tests examples data -name '*.csv' -o -name '*.tsv' ;;
    filing) find Tests/LintTests/Fixtures/filings -name '*.json' ;;
    xlsx) find Fuzz/Seeds/xlsx -type f ;;
    quantity) find Fuzz/Seeds/quantity -type f ;;
    markdown) find articles corpus Tests/LintTests/Fixtures -name '*.md' ;;
    html) find corpus Tests/LintTests/Fixtures -name '*.html' ;;
    text) find corpus Tests/LintTests/Fixtures -name '*.txt' ;;
    wordpress) find corpus Tests/LintTests/Fixtures -name '*.json' ;;
    lsp) find Fuzz/Seeds/lsp -type f ;;
  esac
}

status=0
for entry in "${entries[@]}"; do
  corpus=$build/corpus/$entry
  findings=$build/findings/$entry
  mkdir -p "$corpus" "$findings"
  seeds "$entry" | while read -r file; do cp "$file" "$corpus/" 2>/dev/null || true; done
  limit=()
  # Foundation leaks a path's C string each time ZIPFoundation opens a file; not factlint's.
  if [[ $entry == xlsx ]]; then export ASAN_OPTIONS=detect_leaks=0; else unset ASAN_OPTIONS; fi
  if [[ $seconds != 0 ]]; then limit+=(-max_total_time="$seconds"); fi
  echo "fuzz $entry: ${seconds}s from $(find "$corpus" -type f | wc -l) inputs"
  if ! "$fuzzer" "$entry" "${limit[@]}" -max_len=1048576 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$findings/" "${extra[@]}" "$corpus" \
    > "$build/$entry.log" 2>&1; then
    echo "fuzz $entry: FAILED; see $build/$entry.log and $findings/" >&2
    tail -30 "$build/$entry.log" >&2
    status=1
  fi
  grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' "$build/$entry.log" \
    | sed "s/^/fuzz $entry: /" || true
done
exit $status
