#!/usr/bin/env bash
# Cuts a factlint release: sets the version everywhere (scripts/set-version.sh), regenerates the
# outputs that carry it, runs CI, commits and makes the annotated tag vVERSION. It pushes
# nothing; it prints the push command. docs/release.md describes the steps.
#
# usage: bash scripts/release.sh VERSION
set -euo pipefail
cd "$(dirname "$0")/.."

version="${1:-}"
if ! [[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
  echo "usage: bash scripts/release.sh MAJOR.MINOR.PATCH" >&2
  exit 64
fi
if [ -n "$(git status --porcelain)" ]; then
  echo "release: the working tree has changes; commit or stash them first" >&2
  exit 1
fi
if git rev-parse -q --verify "refs/tags/v$version" >/dev/null; then
  echo "release: the tag v$version exists already" >&2
  exit 1
fi

bash scripts/set-version.sh "$version"
# SARIF carries the version, and the documented outputs link the tagged docs.
FACTLINT_UPDATE_GOLDEN=1 swift test --disable-xctest \
  --filter "GoldenTests|ReporterTests|DocumentedOutputTests" >/dev/null
CI=true bash .ci/run
git add -A
git commit -q -m "factlint $version"
git tag -a "v$version" -m "factlint $version"
echo "release: tagged v$version; publish it with: git push origin HEAD \"v$version\"" >&2
