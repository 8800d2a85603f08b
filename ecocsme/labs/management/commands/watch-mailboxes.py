"""`ecocsme watch-mailboxes`: keep an IDLE connection to every enabled lab mailbox whose server
announces IDLE and ask the worker for a fetch as soon as mail arrives; reconnect with backoff.
Every ECOCSME_MAILBOX_INTERVAL seconds it looks again at which mailboxes to watch and makes
sure each has its chain of scheduled fetches (so one lost with the worker's queue comes back).
Runs beside `ecocsme db_worker` (scripts/run.sh; docs/DEPLOY.md for production)."""

import signal
import threading

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import close_old_connections

from ecocsme.labs.services.mailbox import chain_continue, mailbox_watch, mailboxes_to_watch


class Command(BaseCommand):
    help = "Watch the lab mailboxes with IMAP IDLE and fetch new replies as they arrive."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true",
                            help="Schedule the fetches, start no watcher and stop (for cron).")

    def handle(self, *args, once: bool = False, **options):
        stop = threading.Event()
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, lambda *_args: stop.set())
        watchers: dict[tuple, tuple[threading.Event, threading.Thread]] = {}
        while not stop.is_set():
            close_old_connections()
            wanted = {}
            for mailbox in mailboxes_to_watch():
                chain_continue(mailbox.pk)
                settings_key = (mailbox.pk, mailbox.host, mailbox.port, mailbox.security, mailbox.username,
                                mailbox.password_sealed, mailbox.folder)
                wanted[settings_key] = mailbox.pk  # changed settings restart its watcher
            if once:
                return
            self._follow(watchers, wanted)
            stop.wait(settings.ECOCSME_MAILBOX_INTERVAL)
        for own_stop, _thread in watchers.values():
            own_stop.set()

    def _follow(self, watchers: dict, wanted: dict) -> None:
        for key in [key for key in watchers if key not in wanted or not watchers[key][1].is_alive()]:
            watchers.pop(key)[0].set()
        for key, mailbox_id in wanted.items():
            if key not in watchers:
                own_stop = threading.Event()
                thread = threading.Thread(target=_watch, args=(mailbox_id, own_stop), daemon=True,
                                          name=f"mailbox-{mailbox_id}")
                thread.start()
                watchers[key] = (own_stop, thread)
                self.stdout.write(f"watching lab mailbox {mailbox_id}")


def _watch(mailbox_id: int, stop: threading.Event) -> None:
    from django.db import connection

    try:
        mailbox_watch(mailbox_id, stop=stop)
    finally:
        connection.close()
