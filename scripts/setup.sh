#!/usr/bin/env bash
# Makes sure the C library factlint builds on is installed: libyaml (Debian's libyaml-dev).
# Installs it with apt-get when it is missing and this user can; otherwise says what to install.
set -euo pipefail

have_libyaml() {
  if command -v pkg-config >/dev/null 2>&1; then
    pkg-config --exists yaml-0.1
  else
    [ -f /usr/include/yaml.h ]
  fi
}

if have_libyaml && command -v pkg-config >/dev/null 2>&1; then
  exit 0
fi

packages="libyaml-dev pkg-config"
if command -v apt-get >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then
    sudo=""
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo="sudo"
  else
    echo "factlint needs libyaml: run 'sudo apt-get update && sudo apt-get install -y $packages'" >&2
    exit 1
  fi
  echo "installing $packages..." >&2
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $packages >&2
elif command -v brew >/dev/null 2>&1; then
  brew install libyaml pkg-config >&2
else
  echo "factlint needs libyaml: install your system's libyaml development package" \
    "(Debian: libyaml-dev, Fedora: libyaml-devel, macOS: brew install libyaml)" >&2
  exit 1
fi
