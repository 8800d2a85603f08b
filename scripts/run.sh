#!/usr/bin/env bash
# `make run`: migrate the database, load the demo data, start the worker, serve the site.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-8000}"
export PATH="$PWD/.venv/bin:$PATH"
# Links in mail point to the address served here; exported, so the worker builds them alike.
export ECOCSME_BASE_URL="${ECOCSME_BASE_URL:-http://127.0.0.1:${PORT}}"
# ... and commands run from another shell too (ecocsme.settings.dev reads it).
mkdir -p var && printf '%s\n' "$ECOCSME_BASE_URL" > var/base-url

ecocsme migrate --noinput
ecocsme load-demo
ecocsme outbox --stale-seconds 0   # mail a stopped worker left half-sent is marked, none resent
ecocsme db_worker --no-reload &
worker=$!
# Lab mailboxes: fetched on schedule by the worker, at once on new mail through IMAP IDLE.
ecocsme watch-mailboxes &
watcher=$!
# Event reminders that fall due, opportunities whose deadline has passed closed, the digests of
# new opportunities that are due, by the worker, and sign-ups never confirmed deleted (in
# production: hourly cron jobs or systemd timers).
( while sleep 3600; do ecocsme event-reminders >/dev/null; ecocsme close-opportunities >/dev/null
  ecocsme send-digests >/dev/null; ecocsme delete-unconfirmed-signups >/dev/null; done ) &
reminders=$!
trap 'pkill -P "$reminders" 2>/dev/null || true; kill "$worker" "$watcher" "$reminders" 2>/dev/null || true' EXIT INT TERM

cat <<TXT

  ECoC-SME Platform: http://127.0.0.1:${PORT}/
  Log in at http://127.0.0.1:${PORT}/en/accounts/login/ with one of the example accounts
  above (user name and the password shown); 'admin' also opens http://127.0.0.1:${PORT}/admin/.
  Every mail the platform sends, with its personal links, is readable in the browser at
  http://127.0.0.1:${PORT}/en/manage/mail/ ('admin' sees all of it; partner staff and the
  coordinator the mail to their contacts). Links in mail point to ${ECOCSME_BASE_URL}.
  Press Ctrl+C to stop.

TXT
ecocsme runserver "127.0.0.1:${PORT}"
