#!/usr/bin/env bash
# System libraries the Python packages build against, installed before `pip install` (make
# install). PyICU (sorting in each language, ecocsme/text/collation.py) compiles against ICU: it
# needs ICU's headers (libicu-dev), pkg-config to find them and a C++ compiler. Installs what is
# missing with apt when we are root; otherwise says what to install and stops.
set -euo pipefail

say() { printf '\n==> %s\n' "$*"; }
is_root() { [ "$(id -u)" = 0 ]; }
apt_install() {
  if is_root; then
    [ -n "${APT_UPDATED:-}" ] || { apt-get update -qq; APT_UPDATED=1; }
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    echo "Missing: $*. Install it (as root: apt-get install $*) and run make install again." >&2
    exit 1
  fi
}

missing=()
command -v pkg-config >/dev/null && pkg-config --exists icu-uc || missing+=(libicu-dev pkg-config)
command -v g++ >/dev/null || missing+=(g++)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]} (PyICU builds against ICU)"
  apt_install "${missing[@]}"
fi
