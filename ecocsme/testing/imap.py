"""A private Dovecot IMAP server for tests: `dovecot -F -c <dir>/dovecot.conf` on 127.0.0.1 on free
ports, one passwd-file user, a maildir in a temporary directory, plain IMAP (loopback only) and,
with `ssl=True`, IMAPS and STARTTLS with a self-signed certificate. Mail goes in with IMAP APPEND,
as a mail client puts it there.

Tests skip when Dovecot is not installed, unless ECOCSME_REQUIRE_DOVECOT=1 (`make test`
installs it and sets it), where they fail instead.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import imaplib
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

DOVECOT = shutil.which("dovecot") or "/usr/sbin/dovecot"
USER = "lab-replies@example.org"  # an example mailbox, no real person's
PASSWORD = "example-password-1"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Dovecot:
    root: Path
    port: int
    ssl_port: int | None = None
    certificate: Path | None = None
    user: str = USER
    password: str = PASSWORD
    host: str = "127.0.0.1"
    process: subprocess.Popen | None = field(default=None, repr=False)

    # --- putting mail in and looking at it, as a mail client does ---------------------------
    def client(self) -> imaplib.IMAP4:
        client = imaplib.IMAP4(self.host, self.port, timeout=10)
        client.login(self.user, self.password)
        return client

    def append(self, raw: bytes, folder: str = "INBOX") -> None:
        client = self.client()
        try:
            typ, data = client.append(f'"{folder}"', None, None, raw)
            assert typ == "OK", data
        finally:
            client.logout()

    def messages(self, folder: str = "INBOX") -> list[bytes]:
        """The messages of `folder` ([] when it does not exist)."""
        client = self.client()
        try:
            typ, _data = client.select(f'"{folder}"', readonly=True)
            if typ != "OK":
                return []
            _typ, found = client.uid("SEARCH", "ALL")
            result = []
            for uid in found[0].split():
                _typ, data = client.uid("FETCH", uid, "(BODY.PEEK[])")
                result.append(data[0][1])
            return result
        finally:
            client.logout()

    def folders(self) -> set[str]:
        client = self.client()
        try:
            _typ, data = client.list()
            return {line.decode().rsplit(' "', 1)[-1].strip('"') if line.decode().endswith('"')
                    else line.decode().rsplit(" ", 1)[-1] for line in data}
        finally:
            client.logout()

    def uid_validity_change(self) -> None:
        """Give INBOX a new UIDVALIDITY, as a server does when a mailbox is rebuilt: its
        messages stay, their UIDs start again."""
        subprocess.run(["doveadm", "-c", str(self.root / "dovecot.conf"), "mailbox", "update",
                        "-u", self.user, "--uid-validity", str(int(time.time()) + 7), "INBOX"],
                       check=True, capture_output=True)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None


def _mail_user() -> tuple[str, int, int]:
    """Who Dovecot runs as and who owns the mail: the current user, or `nobody` when we are root
    (Dovecot refuses to keep mail as root)."""
    entry = pwd.getpwnam("nobody") if os.geteuid() == 0 else pwd.getpwuid(os.geteuid())
    return entry.pw_name, entry.pw_uid, entry.pw_gid


def _config(root: Path, port: int, ssl_port: int | None) -> str:
    name, uid, gid = _mail_user()
    running_as_root = os.geteuid() == 0
    users = "" if running_as_root else f"default_login_user = {name}\ndefault_internal_user = {name}\n"
    chroots = "" if running_as_root else "service anvil {\n  chroot =\n}\n"
    ssl = (f"ssl = yes\nssl_cert = <{root}/cert.pem\nssl_key = <{root}/key.pem\n" if ssl_port
           else "ssl = no\n")
    return f"""# A private test instance (ecocsme/testing/imap.py)
protocols = imap
listen = 127.0.0.1
base_dir = {root}/run
state_dir = {root}/state
instance_name = ecocsme-test-{port}
log_path = {root}/dovecot.log
info_log_path = {root}/dovecot.log
{users}{chroots}{ssl}disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:{root}/mail/%u
mail_uid = {uid}
mail_gid = {gid}
first_valid_uid = {min(uid, 1)}
first_valid_gid = {min(gid, 1)}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={root}/mail/%u
}}
namespace inbox {{
  inbox = yes
  separator = /
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {ssl_port or 0}
    ssl = yes
  }}
}}
"""


def _certificate(root: Path) -> Path:
    """A self-signed certificate for 127.0.0.1 and localhost."""
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=2))
        .add_extension(x509.SubjectAlternativeName([
            x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256()))
    (root / "cert.pem").write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    (root / "key.pem").write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                                     serialization.PrivateFormat.PKCS8,
                                                     serialization.NoEncryption()))
    return root / "cert.pem"


def dovecot_start(*, ssl: bool = False) -> Dovecot:
    root = Path(tempfile.mkdtemp(prefix="ecocsme-dovecot-"))
    _name, uid, gid = _mail_user()
    os.chmod(root, 0o755)  # noqa: S103 - Dovecot's processes run as another user and must enter it
    for part in ("run", "state", "mail"):
        (root / part).mkdir()
    os.chown(root / "mail", uid, gid)
    (root / "passwd").write_text(f"{USER}:{{PLAIN}}{PASSWORD}::::::\n")
    server = Dovecot(root=root, port=free_port(), ssl_port=free_port() if ssl else None)
    if ssl:
        server.certificate = _certificate(root)
    (root / "dovecot.conf").write_text(_config(root, server.port, server.ssl_port))
    server.process = subprocess.Popen([DOVECOT, "-F", "-c", str(root / "dovecot.conf")],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _wait_until_listening(server)
    return server


def _wait_until_listening(server: Dovecot) -> None:
    for _attempt in range(200):
        if server.process.poll() is not None:
            log = (server.root / "dovecot.log")
            raise RuntimeError("dovecot did not start: " + server.process.stderr.read().decode()
                               + (log.read_text() if log.exists() else ""))
        try:
            with socket.create_connection((server.host, server.port), timeout=1):
                return
        except OSError:
            time.sleep(0.05)
    server.stop()
    raise RuntimeError("dovecot did not listen")


def dovecot_available() -> bool:
    return Path(DOVECOT).exists()


def _skip_or_fail() -> None:
    if os.environ.get("ECOCSME_REQUIRE_DOVECOT") == "1":
        pytest.fail("Dovecot is required (ECOCSME_REQUIRE_DOVECOT=1) but not installed: "
                    "apt-get install dovecot-imapd")
    pytest.skip("Dovecot is not installed (apt-get install dovecot-imapd)")


@pytest.fixture
def dovecot() -> Iterator[Dovecot]:
    """A private Dovecot with plain IMAP on 127.0.0.1 and one empty mailbox."""
    if not dovecot_available():
        _skip_or_fail()
    server = dovecot_start()
    yield server
    server.stop()
    shutil.rmtree(server.root, ignore_errors=True)


@pytest.fixture
def dovecot_ssl() -> Iterator[Dovecot]:
    """The same with IMAPS (on `ssl_port`) and STARTTLS, under a self-signed certificate."""
    if not dovecot_available():
        _skip_or_fail()
    server = dovecot_start(ssl=True)
    yield server
    server.stop()
    shutil.rmtree(server.root, ignore_errors=True)


class CuttingProxy:
    """A TCP proxy in front of the server that cuts the first connection where the client sends
    `trigger`: after `after` more bytes of the server's answer (0: before the command reaches
    the server). Later connections pass whole. As a network that drops mid-fetch."""

    def __init__(self, upstream: tuple[str, int], trigger: bytes, after: int = 0):
        import threading

        self.upstream, self.trigger, self.after = upstream, trigger, after
        self.cut = threading.Event()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        import threading

        while True:
            try:
                client, _address = self.listener.accept()
            except OSError:
                return
            server = socket.create_connection(self.upstream)
            armed = not self.cut.is_set()
            state = {"triggered": False, "sent": 0}
            for source, target, from_client in ((client, server, True), (server, client, False)):
                threading.Thread(target=self._pump, args=(source, target, state, armed, from_client),
                                 daemon=True).start()

    def _pump(self, source: socket.socket, target: socket.socket, state: dict, armed: bool,
              from_client: bool) -> None:
        try:
            while data := source.recv(65536):
                if armed and from_client and self.trigger in data:
                    state["triggered"] = True
                    if self.after == 0:
                        return self._close(source, target)
                if armed and not from_client and state["triggered"]:
                    room = self.after - state["sent"]
                    if len(data) >= room:
                        target.sendall(data[:room])
                        return self._close(source, target)
                    state["sent"] += len(data)
                target.sendall(data)
        except OSError:
            pass
        self._close(source, target, cut=False)

    def _close(self, *sockets: socket.socket, cut: bool = True) -> None:
        if cut:
            self.cut.set()
        for each in sockets:
            with contextlib.suppress(OSError):
                each.shutdown(socket.SHUT_RDWR)
            each.close()

    def close(self) -> None:
        self.listener.close()
