"""The client's address for the login lockout and the sign-up limits: REMOTE_ADDR without
proxies (an X-Forwarded-For sent by the client is ignored); behind one proxy, the entry the proxy
appended, whatever the client wrote before it."""

from axes.helpers import get_client_ip_address
from django.test import RequestFactory

from ecocsme.core.http import client_address


def _request(forwarded: str | None, remote: str = "127.0.0.1"):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **meta)


def test_without_a_proxy_the_header_a_client_sends_is_ignored(settings):
    settings.ECOCSME_PROXY_COUNT = 0
    assert client_address(_request("203.0.113.9", remote="198.51.100.7")) == "198.51.100.7"
    assert get_client_ip_address(_request("203.0.113.9", remote="198.51.100.7")) == "198.51.100.7"


def test_behind_one_proxy_the_address_it_appended(settings):
    settings.ECOCSME_PROXY_COUNT = 1
    assert client_address(_request("198.51.100.7")) == "198.51.100.7"
    # a client that writes its own X-Forwarded-For only adds entries to the left of the real one
    assert client_address(_request("203.0.113.1, 203.0.113.2,198.51.100.7")) == "198.51.100.7"
    assert get_client_ip_address(_request("203.0.113.1, 198.51.100.7")) == "198.51.100.7"
    assert client_address(_request(None)) == "127.0.0.1"  # reached without the proxy: its own address
