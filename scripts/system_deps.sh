#!/usr/bin/env bash
# System libraries the Python packages build against, installed before `pip install` (make
# install). PyICU (sorting in each language, ecocsme/text/collation.py) compiles against ICU: it
# needs ICU's headers (libicu-dev), pkg-config to find them and a C++ compiler. Installs what is
# missing with apt when we are root; otherwise says what to install and stops.
set -euo pipefail

AGAIN="make install"
. "$(dirname "$0")/apt.sh"

missing=()
command -v pkg-config >/dev/null && pkg-config --exists icu-uc || missing+=(libicu-dev pkg-config)
command -v g++ >/dev/null || missing+=(g++)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]} (PyICU builds against ICU)"
  apt_install "${missing[@]}"
fi
