#!/usr/bin/env bash
# Sets factlint's version everywhere it is written: the number --version prints and SARIF
# carries (Sources/RuleEngine/Support/Version.swift, whose documentation links follow it), the
# editor extensions' manifests, and the release tag that the README and docs pin (`rev: vX`,
# `@vX`, schema and documentation URLs).
#
# usage: bash scripts/set-version.sh NEW_VERSION [ROOT]    (ROOT: the repository, default here)
set -euo pipefail

new="${1:-}"
root="${2:-$(cd "$(dirname "$0")/.." && pwd)}"
if ! [[ "$new" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
  echo "usage: bash scripts/set-version.sh MAJOR.MINOR.PATCH [ROOT]" >&2
  exit 64
fi
version_file="$root/Sources/RuleEngine/Support/Version.swift"
old="$(sed -n 's/^  public static let number = "\([0-9.]*\)"$/\1/p' "$version_file")"
if [ -z "$old" ]; then
  echo "$version_file:1:1: error: no 'public static let number = \"X.Y.Z\"' line" >&2
  exit 2
fi
if [ "$old" = "$new" ]; then
  echo "factlint is already version $new" >&2
  exit 0
fi
quoted="${old//./\\.}"

sed -i "s/^  public static let number = \"$quoted\"$/  public static let number = \"$new\"/" \
  "$version_file"
# The manifests' own version lines only: a dependency's version (zed_extension_api) stays.
sed -i "s/^  \"version\": \"$quoted\",$/  \"version\": \"$new\",/" "$root/editors/vscode/package.json"
sed -i "s/^version = \"$quoted\"$/version = \"$new\"/" \
  "$root/editors/zed/extension.toml" "$root/editors/zed/Cargo.toml"
# The tag pinned in the docs, and the package file name of the VS Code extension.
for file in "$root/README.md" "$root"/docs/*.md "$root/editors/vscode/README.md"; do
  sed -i -e "s/v$quoted\b/v$new/g" -e "s/factlint-$quoted\.vsix/factlint-$new.vsix/g" "$file"
done
echo "factlint version $old -> $new" >&2
