#!/usr/bin/env bash
# Makes sure what factlint builds and tests with is installed: libyaml (Debian's libyaml-dev),
# zlib (zlib1g-dev) and, for the schema tests, python3 with PyYAML and jsonschema; with --tests
# also Chromium (Debian's chromium), which renders the web page in its test, and pre-commit
# (from PyPI, else Debian's), which runs the hooks in theirs, and PostgreSQL (Debian's
# postgresql), which the database tests check tables on. Installs what is missing with
# apt-get when this user can; otherwise says what to install.
set -euo pipefail

for_tests=0
case "${1:-}" in
  --tests) for_tests=1 ;;
  "") ;;
  *) echo "usage: bash scripts/setup.sh [--tests]" >&2; exit 64 ;;
esac

have_libyaml() {
  if command -v pkg-config >/dev/null 2>&1; then
    pkg-config --exists yaml-0.1
  else
    [ -f /usr/include/yaml.h ]
  fi
}

# The schema tests validate sample files with Python's PyYAML and jsonschema.
have_python_tools() {
  command -v python3 >/dev/null 2>&1 && python3 -c "import yaml, jsonschema" >/dev/null 2>&1
}

can_apt() {
  command -v apt-get >/dev/null 2>&1 && {
    [ "$(id -u)" -eq 0 ] || { command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; }
  }
}

# Installs Debian packages for `why` when this user can (root, or sudo without a password).
apt_install() {
  local why=$1
  shift
  can_apt || return 0
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing $* for $why..." >&2
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >&2
}

if ! have_python_tools; then
  apt_install "the schema tests" python3 python3-yaml python3-jsonschema
  if ! have_python_tools && command -v python3 >/dev/null 2>&1; then
    python3 -m pip install --quiet pyyaml jsonschema >&2 || true
  fi
  have_python_tools || echo "note: the schema tests need python3 with PyYAML and jsonschema" \
    "(Debian: apt-get install python3-yaml python3-jsonschema)" >&2
fi

have_chromium() {
  command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1
}

if [ "$for_tests" -eq 1 ] && ! have_chromium; then
  apt_install "the web page's test" chromium fonts-dejavu-core
  have_chromium || echo "note: the web page's test needs Chromium" \
    "(Debian: apt-get install chromium)" >&2
fi

if [ "$for_tests" -eq 1 ] && ! command -v pre-commit >/dev/null 2>&1; then
  if ! { command -v python3 >/dev/null 2>&1 && python3 -m pip install --quiet pre-commit >&2; }
  then
    apt_install "the hooks' test" pre-commit
  fi
  command -v pre-commit >/dev/null 2>&1 || echo "note: the pre-commit hooks' test needs" \
    "pre-commit (pip install pre-commit)" >&2
fi

# The database tests check tables on a real PostgreSQL server, which scripts/with-postgres.sh
# starts on loopback for them.
have_postgres() {
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && command -v psql >/dev/null 2>&1
}

if [ "$for_tests" -eq 1 ] && ! have_postgres; then
  apt_install "the database tests" postgresql
  have_postgres || echo "note: the database tests need a PostgreSQL server" \
    "(Debian: apt-get install postgresql)" >&2
fi

# factlint-db, which the tests build with the rest, reads SQLite files through libsqlite3.
have_sqlite() {
  command -v pkg-config >/dev/null 2>&1 && pkg-config --exists sqlite3
}

if [ "$for_tests" -eq 1 ] && ! have_sqlite; then
  apt_install factlint-db libsqlite3-dev pkg-config
  have_sqlite || echo "note: factlint-db needs libsqlite3 (Debian: apt-get install" \
    "libsqlite3-dev)" >&2
fi

# ZIPFoundation, which reads .xlsx workbooks, inflates with zlib.
have_zlib() {
  command -v pkg-config >/dev/null 2>&1 && pkg-config --exists zlib
}

if have_libyaml && have_zlib; then
  exit 0
fi

packages="libyaml-dev pkg-config zlib1g-dev"
if command -v apt-get >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then
    sudo=""
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo="sudo"
  else
    echo "factlint needs libyaml and zlib: run 'sudo apt-get update && sudo apt-get install -y" \
      "$packages'" >&2
    exit 1
  fi
  echo "installing $packages..." >&2
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $packages >&2
elif command -v brew >/dev/null 2>&1; then
  brew install libyaml pkg-config zlib >&2
else
  echo "factlint needs libyaml and zlib: install your system's development packages" \
    "(Debian: libyaml-dev zlib1g-dev, Fedora: libyaml-devel zlib-devel, macOS: brew install" \
    "libyaml)" >&2
  exit 1
fi
