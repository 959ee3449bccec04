#!/usr/bin/env bash
# Prints the GitHub Action's build cache key as `key=...`: the machine, the Swift toolchain and
# a digest of everything the release build of factlint reads, so a cached .build is reused only
# for the same sources built by the same compiler.
set -euo pipefail
cd "$(dirname "$0")/.."

toolchain="$(swift --version 2>/dev/null | sha256sum | cut -c1-16)"
sources="$(
  find Package.swift Sources -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum \
    | sha256sum | cut -c1-16
)"
echo "key=factlint-$(uname -s)-$(uname -m)-swift-$toolchain-src-$sources"
