"""A real SMTP server on loopback that keeps every message (the `smtp_server` fixture), and
reading the mail it received: to whom, the plain text, a calendar attachment, a link."""

import logging
import re
import socket
from contextlib import contextmanager

from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message

logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd's chatter


class CollectingHandler(Message):
    """Keeps every message; refuses the recipients listed in `refuse` with a 550."""

    def __init__(self):
        super().__init__()
        self.messages = []
        self.refuse: set[str] = set()
        self.port = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    def handle_message(self, message):
        self.messages.append(message)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def smtp_collector():
    """A running SMTP server on 127.0.0.1; yields its handler (`.messages`, `.refuse`, `.port`)."""
    handler = CollectingHandler()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    handler.port = controller.port
    try:
        yield handler
    finally:
        controller.stop()


def mails_to(smtp_server, address: str) -> list:
    return [m for m in smtp_server.messages if m["To"] == address]


def plain_text(message) -> str:
    part = next(p for p in message.walk() if p.get_content_type() == "text/plain")
    return part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8")


def calendar_of(message):
    """(METHOD parameter of the MIME part, parsed calendar) of a mail's .ics attachment, or None."""
    from icalendar import Calendar

    for part in message.walk():
        if part.get_content_type() == "text/calendar":
            return part.get_param("method"), Calendar.from_ical(part.get_payload(decode=True))
    return None


def link_in(message, path: str) -> str:
    """The first address in the mail's text whose path holds `path` (e.g. "/labs/answer/")."""
    return re.search(rf"https?://\S+{re.escape(path)}[\w.\-]+/", plain_text(message)).group(0)
