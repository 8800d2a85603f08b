#!/usr/bin/env bash
# `make test`: lint, the suite on SQLite, its database tests again on PostgreSQL, the browser tests.
# Each stage runs on as many processes as there are CPUs, two to four (pytest-xdist; PARALLEL=1
# for one).
# Installs and starts PostgreSQL, GNU gettext and Chromium with apt when they are missing
# and we are root; otherwise says what to do. TEST_DATABASE_URL points at another server.
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/.."
export PATH="$PWD/.venv/bin:$PATH"
unset DATABASE_URL

AGAIN="make test"
. scripts/apt.sh

say "ruff"
ruff check .

say "import contracts"
lint-imports --no-cache --no-logo
python scripts/lint_views.py

say "migrations match the models"
ecocsme makemigrations --check --dry-run >/dev/null

command -v xgettext >/dev/null || { say "installing GNU gettext"; apt_install gettext; }
command -v pdftotext >/dev/null || { say "installing poppler-utils (PDF checks)"; apt_install poppler-utils; }
# Machine drafts of translations (docs/DECISIONS.md): the engine and the one English pair Debian has
# for a platform language (Croatian, through Serbo-Croatian). Its tests run, never skip, here.
apertium -l 2>/dev/null | grep -q '^ *eng-hbs_HR$' || { say "installing Apertium (machine drafts)"; apt_install apertium apertium-hbs-eng; }
export ECOCSME_REQUIRE_APERTIUM=1
# Lab mailboxes are tested against a private Dovecot the tests start (ecocsme/testing/imap.py).
[ -x /usr/sbin/dovecot ] || { say "installing Dovecot (IMAP tests)"; apt_install dovecot-imapd; }
export ECOCSME_REQUIRE_DOVECOT=1
cpus=$(nproc 2>/dev/null || echo 2)
cpus=$(( cpus < 2 ? 2 : cpus > 4 ? 4 : cpus ))  # each process holds a model, a database, a Dovecot
PARALLEL=${PARALLEL:-$cpus}
# The sentence vectors are computed once for the three stages' processes, in a file of this run only.
ECOCSME_EMBEDDING_CACHE=$(mktemp --suffix=.sqlite3 -u "${TMPDIR:-/tmp}/ecocsme-test-vectors-XXXXXX")
export ECOCSME_EMBEDDING_CACHE
trap 'rm -f "$ECOCSME_EMBEDDING_CACHE" "$ECOCSME_EMBEDDING_CACHE-wal" "$ECOCSME_EMBEDDING_CACHE-shm"' EXIT
parallel=(-n "$PARALLEL" --dist worksteal)
[ "$PARALLEL" -gt 1 ] || parallel=()

say "test suite on SQLite"
pytest -m "not browser" -q "${parallel[@]}"

pg_server_version() {
  local bin
  bin=$(compgen -G "/usr/lib/postgresql/*/bin/postgres" | sort -V | tail -1)
  [ -n "$bin" ] && basename "$(dirname "$(dirname "$bin")")"
}

# Prints the URL of a running server with an `ecocsme` role and database, or exits.
# Everything but the URL goes to stderr: the caller captures stdout.
postgres_url() {
  if [ -n "${TEST_DATABASE_URL:-}" ]; then echo "$TEST_DATABASE_URL"; return; fi
  if [ -z "$(pg_server_version)" ]; then
    say "installing PostgreSQL" >&2; apt_install postgresql >&2
  fi
  is_root || { echo "PostgreSQL is not running and we are not root: start it, or set TEST_DATABASE_URL=postgres://user:password@host:port/db" >&2; exit 1; }
  local version port
  version=$(pg_server_version)
  {
    local status
    status=$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}')
    [ -n "$status" ] || pg_createcluster "$version" main
    case "$status" in online*) ;; *) pg_ctlcluster "$version" main start ;; esac
  } >&2
  port=$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $3}')
  psql_as_postgres() { su postgres -c "psql -p $port -qtAc \"$1\""; }
  [ "$(psql_as_postgres "SELECT 1 FROM pg_roles WHERE rolname='ecocsme'")" = 1 ] \
    || psql_as_postgres "CREATE ROLE ecocsme LOGIN CREATEDB PASSWORD 'ecocsme'" >&2
  [ "$(psql_as_postgres "SELECT 1 FROM pg_database WHERE datname='ecocsme'")" = 1 ] \
    || su postgres -c "createdb -p $port -O ecocsme ecocsme" >&2
  echo "postgres://ecocsme:ecocsme@127.0.0.1:$port/ecocsme"
}

say "test suite on PostgreSQL"
pg_url=$(postgres_url)
case "$pg_url" in
  postgres://*|postgresql://*) ;;
  *) echo "Could not prepare PostgreSQL for the tests (see the messages above)." >&2; exit 1 ;;
esac
# Tests that never open the database (text, charts, spreadsheets…) did their work on SQLite already.
DATABASE_URL="$pg_url" pytest -m "not browser" -q --database-tests-only "${parallel[@]}"

[ -x /usr/bin/chromium ] || { say "installing Chromium"; apt_install chromium; }
say "browser tests (headless Chromium)"
DJANGO_ALLOW_ASYNC_UNSAFE=true pytest -m browser -q "${parallel[@]}"
