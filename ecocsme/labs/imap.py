"""A small IMAP client on the standard `imaplib` for a lab's mailbox: log in (SSL, STARTTLS, or
plain to a server on this machine), select a folder with its UIDVALIDITY, list new UIDs, read a
message without marking it read, move messages (MOVE, else COPY + \\Deleted + EXPUNGE), and wait
for new mail with IDLE (RFC 2177), which imaplib in Python 3.11 lacks.

Every failure is a `MailboxError` whose `code` is one of `LabMailbox.Error`'s values, so the lab
page can say it in the reader's words. No Django here.
"""

from __future__ import annotations

import base64
import imaplib
import re
import select
import ssl
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import date

MAX_LINE = 1_000_000
UID_SIZE_RE = re.compile(rb"UID (\d+) RFC822\.SIZE (\d+)|RFC822\.SIZE (\d+) UID (\d+)")
NEW_MAIL_RE = re.compile(rb"^\* \d+ (EXISTS|RECENT)\b", re.IGNORECASE)
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")



class MailboxError(Exception):
    """`code`: connect, tls, login, folder, dropped or protocol; `detail`: the server's words."""

    def __init__(self, code: str, detail: str = ""):
        super().__init__(f"{code}: {detail}")
        self.code, self.detail = code, re.sub(r"^b['\"](.*)['\"]$", r"\1", detail)[:500]


@dataclass(frozen=True)
class Account:
    host: str
    port: int
    security: str  # "ssl", "starttls" or "none"
    username: str
    password: str = field(default="", repr=False)
    timeout: float = 60
    cafile: str = ""  # trust this CA (a server under a private CA, the tests' own certificate)

    def ssl_context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=self.cafile or None)


class _Lines:
    """imaplib reads through a file object that cannot wait with a time limit (a timed-out
    socket file is dead); this keeps its own buffer over the socket, so IDLE can wait."""

    def _start_buffer(self) -> None:
        self._buffer = bytearray()

    def _fill(self) -> None:
        chunk = self.sock.recv(65536)
        if not chunk:
            raise imaplib.IMAP4.abort("socket error: EOF")
        self._buffer += chunk

    def readline(self) -> bytes:
        while (end := self._buffer.find(b"\n")) < 0:
            if len(self._buffer) > MAX_LINE:
                raise imaplib.IMAP4.error(f"got more than {MAX_LINE} bytes in a line")
            self._fill()
        line = bytes(self._buffer[:end + 1])
        del self._buffer[:end + 1]
        return line

    def read(self, size: int) -> bytes:
        while len(self._buffer) < size:
            self._fill()
        data = bytes(self._buffer[:size])
        del self._buffer[:size]
        return data

    def readable_within(self, seconds: float) -> bool:
        if self._buffer or (isinstance(self.sock, ssl.SSLSocket) and self.sock.pending()):
            return True
        return bool(select.select([self.sock], [], [], max(seconds, 0))[0])


class _Plain(_Lines, imaplib.IMAP4):
    def open(self, host="", port=imaplib.IMAP4_PORT, timeout=None):
        super().open(host, port, timeout)
        self._start_buffer()


class _Ssl(_Lines, imaplib.IMAP4_SSL):
    def open(self, host="", port=imaplib.IMAP4_SSL_PORT, timeout=None):
        super().open(host, port, timeout)
        self._start_buffer()


def encode_folder(name: str) -> str:
    """A folder name as IMAP writes it: modified UTF-7 (RFC 3501 5.1.3), quoted."""
    out, pending = [], []

    def flush() -> None:
        if pending:
            data = base64.b64encode("".join(pending).encode("utf-16-be")).decode()
            out.append("&" + data.rstrip("=").replace("/", ",") + "-")
            pending.clear()

    for char in name:
        if 0x20 <= ord(char) <= 0x7E:
            flush()
            out.append("&-" if char == "&" else char)
        else:
            pending.append(char)
    flush()
    quoted = "".join(out).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{quoted}"'


class Session:
    """A logged-in connection; use `session(account)`."""

    def __init__(self, client: _Lines, capabilities: set[str]):
        self.client, self.capabilities = client, capabilities

    def has(self, capability: str) -> bool:
        return capability.upper() in self.capabilities

    def _ok(self, typ: str, data, code: str = "protocol") -> list:
        if typ != "OK":
            raise MailboxError(code, _words(data))
        return data

    def select(self, folder: str, *, readonly: bool = False) -> int:
        """Select `folder`; its UIDVALIDITY."""
        self._ok(*self.client.select(encode_folder(folder), readonly=readonly), code="folder")
        _typ, validity = self.client.response("UIDVALIDITY")
        if not validity or not validity[0]:
            raise MailboxError("protocol", "no UIDVALIDITY")
        return int(validity[0])

    def folder_ensure(self, folder: str) -> None:
        """Create `folder` when it does not exist."""
        _typ, found = self.client.list('""', encode_folder(folder))
        if not any(found):
            self._ok(*self.client.create(encode_folder(folder)), code="folder")
            self.client.subscribe(encode_folder(folder))

    def uids_after(self, last_uid: int, since: date | None = None) -> list[int]:
        """The UIDs above `last_uid`, in order (`n:*` also names the highest UID when it is lower);
        with `since`, only of messages that arrived on that day or later."""
        criteria = ["UID", f"{last_uid + 1}:*"]
        if since is not None:  # IMAP dates name the month in English, whatever the locale
            criteria += ["SINCE", f"{since.day:02d}-{MONTHS[since.month - 1]}-{since.year}"]
        data = self._ok(*self.client.uid("SEARCH", *criteria))
        return sorted(uid for uid in (int(word) for word in b" ".join(d or b"" for d in data).split())
                      if uid > last_uid)

    def sizes(self, uids: list[int]) -> dict[int, int]:
        if not uids:
            return {}
        data = self._ok(*self.client.uid("FETCH", _uid_set(uids), "(RFC822.SIZE)"))
        sizes = {}
        for item in data:
            line = item[0] if isinstance(item, tuple) else item
            if line and (found := UID_SIZE_RE.search(line)):
                uid, size = found.group(1) or found.group(4), found.group(2) or found.group(3)
                sizes[int(uid)] = int(size)
        return sizes

    def message(self, uid: int) -> bytes | None:
        """The whole message, without setting \\Seen; None when it is gone."""
        data = self._ok(*self.client.uid("FETCH", str(uid), "(BODY.PEEK[])"))
        for item in data:
            if isinstance(item, tuple) and len(item) == 2:
                return item[1]
        return None

    def move(self, uids: list[int], folder: str) -> None:
        if not uids:
            return
        target, uid_set = encode_folder(folder), _uid_set(uids)
        if self.has("MOVE"):
            self._ok(*self.client.uid("MOVE", uid_set, target))
            return
        self._ok(*self.client.uid("COPY", uid_set, target))
        self._ok(*self.client.uid("STORE", uid_set, "+FLAGS.SILENT", r"(\Deleted)"))
        if self.has("UIDPLUS"):
            self._ok(*self.client.uid("EXPUNGE", uid_set))
        else:  # may also expunge what another client marked deleted, as any mail program would
            self._ok(*self.client.expunge())

    def idle(self, seconds: float, stop: threading.Event | None = None) -> bool:
        """Wait up to `seconds` for new mail in the selected folder (IDLE, RFC 2177); True when
        some arrived. Returns early, False, when `stop` is set."""
        client = self.client
        tag = client._new_tag()
        client.send(tag + b" IDLE\r\n")
        if not client._get_line().startswith(b"+"):
            raise MailboxError("protocol", "IDLE refused")
        arrived, deadline = False, time.monotonic() + seconds
        while not arrived and (remaining := deadline - time.monotonic()) > 0:
            if stop is not None and stop.is_set():
                break
            if client.readable_within(min(remaining, 1.0)):
                arrived = bool(NEW_MAIL_RE.match(client._get_line()))
        client.send(b"DONE\r\n")
        while not (line := client._get_line()).startswith(tag):
            arrived = arrived or bool(NEW_MAIL_RE.match(line))
        client.tagged_commands.pop(tag, None)
        if not line[len(tag):].strip().upper().startswith(b"OK"):
            raise MailboxError("protocol", line.decode(errors="replace"))
        return arrived


def _uid_set(uids: list[int]) -> str:
    return ",".join(str(uid) for uid in uids)


def _words(data) -> str:
    return " ".join(d.decode(errors="replace") if isinstance(d, bytes) else str(d) for d in data or [])


def _connect(account: Account) -> _Lines:
    try:
        if account.security == "ssl":
            return _Ssl(account.host, account.port, ssl_context=account.ssl_context(),
                        timeout=account.timeout)
        client = _Plain(account.host, account.port, timeout=account.timeout)
    except (ssl.SSLError, ssl.CertificateError) as exc:
        raise MailboxError("tls", str(exc)) from exc
    except (OSError, imaplib.IMAP4.error) as exc:
        raise MailboxError("connect", str(exc)) from exc
    if account.security == "starttls":
        try:
            client.starttls(ssl_context=account.ssl_context())
        except (ssl.SSLError, ssl.CertificateError, imaplib.IMAP4.error) as exc:
            raise MailboxError("tls", str(exc)) from exc
    return client


def _login(client: _Lines, account: Account) -> set[str]:
    try:
        if (account.username + account.password).isascii():
            client.login(account.username, account.password)
        else:  # LOGIN takes ASCII only; SASL PLAIN carries UTF-8 ("Pässwort")
            plain = f"\0{account.username}\0{account.password}".encode()
            client.authenticate("PLAIN", lambda _challenge: plain)
    except imaplib.IMAP4.abort:
        raise
    except imaplib.IMAP4.error as exc:
        raise MailboxError("login", str(exc)) from exc
    except UnicodeError:  # never the exception's text: it quotes the password
        raise MailboxError("login", "") from None
    _typ, data = client.capability()  # after login a server tells more (MOVE, IDLE, UIDPLUS)
    return {word.upper() for word in _words(data).split()}


@contextmanager
def session(account: Account) -> Iterator[Session]:
    """A logged-in session, logged out at the end; a lost connection is `MailboxError("dropped")`."""
    client = _connect(account)
    try:
        yield Session(client, _login(client, account))
    except (imaplib.IMAP4.abort, OSError, EOFError) as exc:  # EOF, reset, timeout
        raise MailboxError("dropped", str(exc)) from exc
    except imaplib.IMAP4.error as exc:
        raise MailboxError("protocol", str(exc)) from exc
    finally:
        _close(client)


def _close(client: _Lines) -> None:
    try:
        if client.state == "SELECTED":
            client.close()
        client.logout()
    except (imaplib.IMAP4.error, OSError, EOFError):
        with suppress(OSError):
            client.shutdown()


def is_loopback(host: str) -> bool:
    """Whether `host` is this machine, where a connection without encryption may go."""
    import ipaddress

    if host.strip().lower() in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip().strip("[]")).is_loopback
    except ValueError:
        return False
