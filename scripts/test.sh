#!/usr/bin/env bash
# `make test`: lint, the suite on SQLite, the same suite on PostgreSQL, the browser tests.
# Installs and starts PostgreSQL, GNU gettext and Chromium with apt when they are missing
# and we are root; otherwise says what to do. TEST_DATABASE_URL points at another server.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/.venv/bin:$PATH"
unset DATABASE_URL

say() { printf '\n==> %s\n' "$*"; }
is_root() { [ "$(id -u)" = 0 ]; }
apt_install() {
  if is_root; then
    [ -n "${APT_UPDATED:-}" ] || { apt-get update -qq; APT_UPDATED=1; }
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    echo "Missing: $*. Install it (as root: apt-get install $*) and run make test again." >&2
    exit 1
  fi
}

say "ruff"
ruff check .

say "migrations match the models"
ecocsme makemigrations --check --dry-run >/dev/null

command -v xgettext >/dev/null || { say "installing GNU gettext"; apt_install gettext; }

say "test suite on SQLite"
pytest -m "not browser" -q

postgres_url() {
  if [ -n "${TEST_DATABASE_URL:-}" ]; then echo "$TEST_DATABASE_URL"; return; fi
  if ! command -v pg_lsclusters >/dev/null; then
    say "installing PostgreSQL" >&2; apt_install postgresql
  fi
  is_root || { echo "PostgreSQL is not running and we are not root: start it, or set TEST_DATABASE_URL=postgres://user:password@host:port/db" >&2; exit 1; }
  local version port
  version=$(ls /usr/lib/postgresql | sort -n | tail -1)
  pg_lsclusters -h | grep -q "^$version main" || pg_createcluster "$version" main >/dev/null
  pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}' | grep -q online \
    || pg_ctlcluster "$version" main start
  port=$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $3}')
  su postgres -c "psql -p $port -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='ecocsme'\"" | grep -q 1 \
    || su postgres -c "psql -p $port -qc \"CREATE ROLE ecocsme LOGIN CREATEDB PASSWORD 'ecocsme'\""
  su postgres -c "psql -p $port -qtAc \"SELECT 1 FROM pg_database WHERE datname='ecocsme'\"" | grep -q 1 \
    || su postgres -c "createdb -p $port -O ecocsme ecocsme"
  echo "postgres://ecocsme:ecocsme@127.0.0.1:$port/ecocsme"
}

say "test suite on PostgreSQL"
DATABASE_URL="$(postgres_url)" pytest -m "not browser" -q

[ -x /usr/bin/chromium ] || { say "installing Chromium"; apt_install chromium; }
say "browser tests (headless Chromium)"
DJANGO_ALLOW_ASYNC_UNSAFE=true pytest -m browser -q
