#!/usr/bin/env bash
# The database benchmark: FIGURES figures (default 10,000,000) in a PostgreSQL table, checked in
# place by `factlint db` with RULES rules (default 10,000), beside the same figures loaded from
# CSV by `factlint`. Prints one `name: value` line per figure: wall time and the factlint
# process's peak memory (maximum resident set, from /usr/bin/time) for each, and the ratios.
# Usage: bash bench/db.sh [FIGURES] [RULES]   (PostgreSQL from scripts/with-postgres.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
figures=${1:-10000000}
rules=${2:-10000}
if [ -z "${FACTLINT_TEST_POSTGRES:-}" ]; then
  exec bash scripts/with-postgres.sh bash "$0" "$figures" "$rules"
fi
work=.bench/db
rm -rf "$work"
mkdir -p "$work/rules" "$work/csv"
swift build -c release --product factlint >&2
swift build -c release --product factlint-db >&2
bin=$PWD/.build/release
psql=${FACTLINT_TEST_PSQL:-psql}
timer=/usr/bin/time
[ -x "$timer" ] || { echo "bench/db.sh needs GNU time (Debian: apt-get install time)" >&2; exit 1; }

# Each entity has four metrics over `periods` quarters: revenue is product + service -
# discounts, but for one total in 1,000, which is off by more than its precision.
per_entity=$((figures / rules))
periods=$((per_entity / 4))
[ "$periods" -ge 1 ] || { echo "need at least 4 figures per rule" >&2; exit 64; }
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m)"
echo "figures: $((rules * periods * 4))"
echo "rules: $rules"
start=$(date +%s.%N)
"$psql" -q -X -v ON_ERROR_STOP=1 "$FACTLINT_TEST_POSTGRES" <<SQL >&2
CREATE TABLE figures (id bigint, company text, item text, period text, amount numeric(14, 1),
  currency text);
INSERT INTO figures
SELECT (e * $periods + q) * 4 + m, 'company' || e, (ARRAY['revenue', 'product_revenue',
  'service_revenue', 'discounts'])[m + 1],
  (1962 + q / 4) || '-Q' || (q % 4 + 1),
  CASE m
    WHEN 0 THEN (1000 + (e * 7919 + q * 104729) % 90000) + (500 + (e * 104729 + q) % 50000)
      - ((e + q * 31) % 2000) + CASE WHEN (e * $periods + q) % 1000 = 7 THEN 30 ELSE 0 END
    WHEN 1 THEN 1000 + (e * 7919 + q * 104729) % 90000
    WHEN 2 THEN 500 + (e * 104729 + q) % 50000
    ELSE (e + q * 31) % 2000 END * 0.1,
  'USD'
FROM generate_series(1, $rules) AS e, generate_series(0, $periods - 1) AS q,
  generate_series(0, 3) AS m;
ALTER TABLE figures ADD PRIMARY KEY (id);
CREATE INDEX figures_key ON figures (company, item);
ANALYZE figures;
SQL
awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "load_postgres_seconds: %.1f\n", e - s }'
"$psql" -q -X -v ON_ERROR_STOP=1 "$FACTLINT_TEST_POSTGRES" \
  -c "\\copy (SELECT company AS entity, item AS metric, period, amount AS value, currency FROM figures ORDER BY id) TO '$work/csv/figures.csv' CSV HEADER" >&2
echo "csv_megabytes: $(( $(stat -c %s "$work/csv/figures.csv") / 1048576 ))"

cat >"$work/.factlint.yml" <<YAML
rules: [rules/]
databases:
  - url: $FACTLINT_TEST_POSTGRES
    table: figures
    columns: { id: id, entity: company, metric: item, period: period, value: amount,
               currency: currency }
YAML
{
  echo "data: [../csv/figures.csv]"
  echo "rules:"
  for e in $(seq 1 "$rules"); do
    echo "  - { id: parts-$e, check: total, where: { entity: company$e }, total: { metric: revenue }, parts: [product_revenue, service_revenue, -discounts] }"
  done
} >"$work/rules/totals.yml"
touch "$work/.git"

measure() {
  local name=$1
  shift
  (cd "$work" && "$timer" -f "%e %M" -o time.txt "$@" >"$name.out" 2>"$name.err") || true
  read -r seconds kilobytes < <(tail -n 1 "$work/time.txt")
  echo "${name}_seconds: $seconds"
  echo "${name}_peak_mb: $((kilobytes / 1024))"
  echo "${name}_violations: $(grep -c -e ": error: " -e ": warning: " "$work/$name.out" || true)"
  eval "${name}_seconds=$seconds ${name}_kilobytes=$kilobytes"
}
measure db_in_place "$bin/factlint-db"
measure csv_in_memory "$bin/factlint" rules/
awk -v a="$db_in_place_seconds" -v b="$csv_in_memory_seconds" \
  'BEGIN { printf "in_place_vs_csv_time: %.2f\n", a / b }'
awk -v a="$db_in_place_kilobytes" -v b="$csv_in_memory_kilobytes" \
  'BEGIN { printf "in_place_vs_csv_memory: %.3f\n", a / b }'
