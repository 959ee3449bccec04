#!/usr/bin/env bash
# factlint's benchmark: generates its corpora, measures factlint and the peers on the same
# files in one run, and prints one `name: value` line per figure, then the ratios.
# Usage: bash bench/run.sh   (or `make bench`); BENCH_FIGURES and BENCH_ARTICLES_MB scale it.
set -euo pipefail
cd "$(dirname "$0")/.."
work=.bench
mkdir -p "$work"
figures=${BENCH_FIGURES:-1000000}
small=$((figures / 10))
articles_mb=${BENCH_ARTICLES_MB:-64}
peer_mb=${BENCH_PEER_MB:-1}

bash scripts/setup.sh
swift build -c release --product factlint >&2
swift build -c release --product factlint-bench >&2
bin=.build/release

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m)"
echo "date: $(date -u +%Y-%m-%d)"

"$bin/factlint-bench" data "$figures" "$work/large" >"$work/large.txt"
"$bin/factlint-bench" data "$small" "$work/small" >"$work/small.txt"
sed 's/^/large_/' "$work/large.txt"

# Loading YAML: factlint's located nodes, raw libyaml events, PyYAML's CSafeLoader.
"$bin/factlint-bench" yaml "$work/large/data.yml" | tee "$work/yaml.txt"
cc -O2 -o "$work/libyaml_events" bench/libyaml_events.c $(pkg-config --cflags --libs yaml-0.1)
"$work/libyaml_events" "$work/large/data.yml" | tee "$work/libyaml.txt"
if python3 -c "import yaml; yaml.CSafeLoader" 2>/dev/null; then
  python3 bench/peers.py pyyaml "$work/large/data.yml" | tee "$work/pyyaml.txt"
else
  echo "pyyaml: skipped (PyYAML with libyaml is not installed)"
  : >"$work/pyyaml.txt"
fi

# Article extraction: factlint on all cores, and quantulum3 on a slice of the same text.
"$bin/factlint-bench" extract "$articles_mb" | tee "$work/extract.txt"
"$bin/factlint-bench" articles "$peer_mb" "$work/articles.md"
if [ ! -x "$work/venv/bin/python" ]; then
  python3 -m venv "$work/venv" >&2 && "$work/venv/bin/pip" install --quiet quantulum3 >&2 \
    || echo "quantulum3: could not be installed" >&2
fi
if "$work/venv/bin/python" -c "import quantulum3" 2>/dev/null; then
  "$work/venv/bin/python" bench/peers.py quantulum3 "$work/articles.md" | tee "$work/quantulum.txt"
else
  echo "quantulum3: skipped (it could not be installed)"
  : >"$work/quantulum.txt"
fi

# Linting end to end, at full size and at a tenth: the best time of five runs, as the machine
# is noisy, and the highest peak memory of the five.
lint() {
  local folder=$1 name=$2 best="" peak=0
  for _ in 1 2 3 4 5; do
    /usr/bin/time -f "%e %M" -o "$work/$name.time" "$bin/factlint" "$folder/rules.yml" \
      --format json >"$work/$name.json" || true
    read -r seconds kilobytes < <(tail -n 1 "$work/$name.time")
    if [ -z "$best" ] || awk -v a="$seconds" -v b="$best" 'BEGIN {exit !(a < b)}'; then
      best=$seconds
    fi
    peak=$((kilobytes > peak ? kilobytes : peak))
  done
  echo "${name}_seconds: $best"
  echo "${name}_peak_rss_mb: $((peak / 1024))"
}
lint "$work/large" lint_1m | tee "$work/lint.txt"
lint "$work/small" lint_100k | tee "$work/lint_small.txt"

# Data sources: the same line items as CSV, as a workbook's sheet and as companyfacts JSON, each
# loaded in a process of its own.
sources=${BENCH_SOURCE_ROWS:-100000}
for format in csv xlsx filing; do
  "$bin/factlint-bench" source "$format" "$sources" "$work" | tee "$work/source_$format.txt"
done

value() { awk -F': ' -v key="$1" '$1 == key {print $2}' "$work"/*.txt; }
ratio() {
  local numerator denominator
  numerator=$(value "$2")
  denominator=$(value "$3")
  if [ -n "$numerator" ] && [ -n "$denominator" ]; then
    awk -v a="$numerator" -v b="$denominator" -v name="$1" 'BEGIN {printf "%s: %.2f\n", name, a / b}'
  else
    echo "$1: skipped"
  fi
}
echo "--- ratios"
ratio yaml_vs_libyaml yaml_mb_per_s libyaml_events_mb_per_s
ratio yaml_vs_pyyaml yaml_mb_per_s pyyaml_mb_per_s
ratio extract_vs_quantulum3 extract_mb_per_s quantulum3_mb_per_s
ratio scaling_10x lint_1m_seconds lint_100k_seconds
ratio xlsx_vs_csv_load xlsx_load_seconds csv_load_seconds
ratio filing_vs_csv_load filing_load_seconds csv_load_seconds
