#!/usr/bin/env bash
# The entry of the pre-commit hooks in .pre-commit-hooks.yaml: runs factlint with the hook's
# arguments. On first use in a checkout it builds factlint in release (the factlint product
# only, so the web server's dependencies are never built for a commit hook); pre-commit keeps
# the checkout, so that happens once per hook version. FACTLINT_BIN names a factlint to run
# instead, such as one installed with `make install`.
set -euo pipefail

if [ -n "${FACTLINT_BIN:-}" ]; then
  exec "$FACTLINT_BIN" "$@"
fi

root="$(cd "$(dirname "$0")/.." && pwd)"
ready="$root/.build/pre-commit-hook-built"
if [ ! -f "$ready" ]; then
  if command -v pkg-config >/dev/null 2>&1 && ! pkg-config --exists yaml-0.1 zlib; then
    echo "factlint's pre-commit hook needs libyaml and zlib to build: install libyaml-dev," \
      "zlib1g-dev and pkg-config (Debian), libyaml-devel and zlib-devel (Fedora) or" \
      "'brew install libyaml pkg-config'" >&2
    exit 2
  fi
  echo "factlint: building factlint for pre-commit, once (a few minutes)" >&2
  swift build -c release --package-path "$root" --product factlint >&2
  touch "$ready"
fi
exec "$root/.build/release/factlint" "$@"
