"""Tests for dashboard.url_import: address checks, pinned connections, one deadline.

Loopback only: the servers below listen on 127.0.0.1, and the public-address
check is told to accept that one address where a test needs a live server.
"""

from __future__ import annotations

import http.server
import socket
import threading
import time

import pytest

from analysis import messages
from dashboard import url_import
from dashboard.url_import import PRIVATE, effective_address, fetch

PAGE = b"<html><body><p>Officials said the plan would pass.</p></body></html>"


@pytest.mark.parametrize(
    "address",
    ["::127.0.0.1", "::7f00:1", "64:ff9b::7f00:1", "::ffff:127.0.0.1", "2002:7f00:1::"],
    ids=["compatible-dotted", "compatible-hex", "nat64", "mapped", "6to4"],
)
def test_url_import_ipv6_forms_map_to_their_ipv4_address(address):
    assert str(effective_address(address)) == "127.0.0.1"
    assert not url_import._is_public(address)


def test_url_import_public_ipv6_and_ipv4_stay_public():
    assert url_import._is_public("2606:4700:4700::1111")
    assert url_import._is_public("93.184.216.34")
    assert not url_import._is_public("64:ff9b::a00:1")  # NAT64 of 10.0.0.1


@pytest.mark.parametrize(
    "url",
    ["http://[::127.0.0.1]/", "http://[::7f00:1]/", "http://[64:ff9b::7f00:1]/",
     "http://[::ffff:127.0.0.1]/"],
)
def test_url_import_refuses_ipv4_inside_ipv6(url):
    got, message = fetch(url, timeout=3)
    host = url.split("//")[1].split("/")[0].strip("[]")
    assert got is None
    assert message == PRIVATE.format(host=host)


class _Handler(http.server.BaseHTTPRequestHandler):
    drip = 0.0

    def do_GET(self):  # noqa: N802 - the http.server API
        self.server.hosts.append(self.headers.get("Host"))
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        if self.drip:
            for byte in PAGE:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(self.drip)
        else:
            self.wfile.write(PAGE)

    def log_message(self, *args):  # quiet
        pass


@pytest.fixture
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.hosts = []
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def loopback_is_public(monkeypatch):
    real = url_import._is_public
    monkeypatch.setattr(url_import, "_is_public", lambda a: a == "127.0.0.1" or real(a))


def test_url_import_connects_to_the_address_it_checked(server, loopback_is_public, monkeypatch):
    port = server.server_address[1]
    calls = []

    def rebinding(host, port_, *args, **kwargs):
        # First answer passes the check; any later lookup would point inside.
        calls.append(host)
        address = "127.0.0.1" if len(calls) == 1 else "10.0.0.1"
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port_))]

    monkeypatch.setattr(url_import.socket, "getaddrinfo", rebinding)
    got, message = fetch(f"http://news.example:{port}/story", timeout=5)
    assert message is None
    assert got.data == PAGE and got.name == "news.example-story.html"
    assert calls == ["news.example"]  # resolved once
    assert server.hosts == [f"news.example:{port}"]  # the name still goes in Host


def test_url_import_dripping_server_stopped_at_the_deadline(server, loopback_is_public):
    # One byte every 0.1 s: 7 s for the page, each read well inside the
    # per-read timeout; only the overall deadline stops it.
    _Handler.drip = 0.1
    try:
        got, message = fetch(f"http://127.0.0.1:{server.server_address[1]}/", timeout=1.0)
    finally:
        _Handler.drip = 0.0
    assert got is None
    assert message == messages.URL_DEADLINE.format(host="127.0.0.1", seconds=1.0)


def test_url_import_loopback_refused_without_the_test_exception(server):
    got, message = fetch(f"http://127.0.0.1:{server.server_address[1]}/", timeout=3)
    assert got is None and message == PRIVATE.format(host="127.0.0.1")
    assert server.hosts == []
