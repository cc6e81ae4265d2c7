"""Optional import of an article from a web address.

This is the only place Slant touches the network, and only when the user asks.
Offline, or when the page cannot be fetched, the user gets a message saying so
and what to do instead; nothing else depends on it.

Guarantees (tested on loopback only, ``tests/test_url_import.py``):

- Only public addresses are fetched. IPv6 forms that carry an IPv4 address
  (mapped, compatible, NAT64, 6to4, Teredo) are judged by that IPv4 address.
- The connection goes to the address that was checked: each name is resolved
  once, and the socket is opened to that address (TLS still verifies the
  certificate for the name), so DNS rebinding cannot redirect it.
- One deadline for the whole fetch, lookups, redirects and reads included.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import time
import urllib.parse

from analysis import messages
from analysis.input.loading import MAX_FILE_BYTES, safe_name
from dashboard.store import StoredFile

TIMEOUT = 10.0
USER_AGENT = "Slant/0.1 (article import; +https://github.com/)"

OFFLINE = messages.URL_OFFLINE
BAD_URL = messages.URL_BAD
HTTP_ERROR = messages.URL_HTTP_ERROR
TOO_BIG = messages.URL_TOO_BIG
FAILED = messages.URL_FAILED
PRIVATE = messages.URL_PRIVATE


# IPv6 forms that carry an IPv4 address (RFC 4291 IPv4-compatible ::a.b.c.d,
# RFC 6052 NAT64 64:ff9b::/96): ``ipaddress`` calls ``[::127.0.0.1]`` and
# ``[64:ff9b::7f00:1]`` global, but they reach the embedded IPv4 address.
_IPV4_COMPATIBLE = ipaddress.ip_network("::/96")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
MAX_REDIRECTS = 5
_CHUNK = 65536


class _Refused(Exception):
    """The address is not on the public internet; the message says so."""


class _Offline(Exception):
    """The name could not be resolved: offline, or no such name."""


class _Deadline(Exception):
    """The whole fetch took longer than its deadline."""


def effective_address(address: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    """The address a connection to ``address`` really reaches.

    IPv4-mapped (``::ffff:127.0.0.1``), IPv4-compatible (``::127.0.0.1``,
    ``::7f00:1``), NAT64 (``64:ff9b::7f00:1``), 6to4 and Teredo forms are
    mapped to the IPv4 address they carry, so the public-address check judges
    the real destination.

    Args:
        address: A literal IPv4 or IPv6 address (a zone suffix is ignored).

    Returns:
        The IPv4 address inside it, or the address itself.
    """
    ip = ipaddress.ip_address(address.split("%")[0])
    if ip.version == 4:
        return ip
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip in _NAT64 or ip in _IPV4_COMPATIBLE:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    return ip


def _is_public(address: str) -> bool:
    return effective_address(address).is_global


def _resolve(host: str, port: int) -> tuple[int, tuple]:
    """Resolve ``host`` once and return the address to connect to.

    Every address the name resolves to must be public (a name that also
    resolves to a private address is refused); the connection then goes to
    the first one, so a second lookup cannot point it elsewhere (DNS rebinding).
    """
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:  # no resolver, no such name: offline
        raise _Offline from exc
    if not infos or not all(_is_public(info[4][0]) for info in infos):
        raise _Refused(PRIVATE.format(host=host))
    return infos[0][0], infos[0][4]


def _connect(target: tuple[int, tuple], timeout: float) -> socket.socket:
    """Open a TCP connection to a resolved address, with no further lookup."""
    family, sockaddr = target
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.settimeout(timeout)
        sock.connect(sockaddr)
    except BaseException:
        sock.close()
        raise
    return sock


class _PinnedHTTP(http.client.HTTPConnection):
    """An HTTP connection to an address that was already checked."""

    def __init__(self, host: str, port: int, target: tuple[int, tuple], timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self._target = target

    def connect(self) -> None:  # noqa: D102
        self.sock = _connect(self._target, self.timeout)


class _PinnedHTTPS(http.client.HTTPSConnection):
    """An HTTPS connection to a checked address; the certificate is checked for the name."""

    def __init__(self, host: str, port: int, target: tuple[int, tuple], timeout: float) -> None:
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._target = target

    def connect(self) -> None:  # noqa: D102
        sock = _connect(self._target, self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def _remaining(deadline: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise _Deadline
    return left


def _get(url: str, deadline: float, max_bytes: int) -> tuple[int, dict[str, str], bytes]:
    """One GET of ``url`` to its checked address: status, headers and at most max_bytes + 1."""
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or ""
    secure = parts.scheme == "https"
    port = parts.port or (443 if secure else 80)
    target = _resolve(host, port)
    kind = _PinnedHTTPS if secure else _PinnedHTTP
    connection = kind(host, port, target, timeout=_remaining(deadline))
    try:
        path = urllib.parse.urlunsplit(("", "", parts.path or "/", parts.query, ""))
        connection.request("GET", path, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
        sock = connection.sock  # getresponse() may hand it to the response and drop it
        sock.settimeout(min(connection.timeout, _remaining(deadline)))
        response = connection.getresponse()
        headers = {k.lower(): v for k, v in response.getheaders()}
        chunks: list[bytes] = []
        size = 0
        while size <= max_bytes:
            # Each read waits at most until the deadline: a server dripping a
            # byte every few seconds cannot hold the import past it.
            sock.settimeout(min(connection.timeout, _remaining(deadline)))
            chunk = response.read1(min(_CHUNK, max_bytes + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return response.status, headers, b"".join(chunks)
    finally:
        connection.close()


def fetch(
    url: str, timeout: float = TIMEOUT, max_bytes: int = MAX_FILE_BYTES
) -> tuple[StoredFile | None, str | None]:
    """Fetch one page as an ``.html`` file for the story.

    The whole fetch (every lookup, redirect and read) must finish within
    ``timeout`` seconds. Each address is checked once and connected to as
    checked; redirects are followed only to public http(s) addresses.

    Args:
        url: An http(s) address.
        timeout: Seconds before giving up, for the whole fetch.
        max_bytes: Largest page accepted.

    Returns:
        ``(file, None)`` on success, ``(None, message)`` otherwise; never raises.
    """
    url = url.strip()
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None, BAD_URL.format(url=url[:200])
    host = parts.hostname
    deadline = time.monotonic() + timeout
    current = url
    try:
        for _ in range(MAX_REDIRECTS + 1):
            status, headers, data = _get(current, deadline, max_bytes)
            if status in (301, 302, 303, 307, 308) and headers.get("location"):
                target = urllib.parse.urljoin(current, headers["location"])
                scheme = urllib.parse.urlsplit(target).scheme
                if scheme not in ("http", "https") or not urllib.parse.urlsplit(target).hostname:
                    reason = f"redirect to {scheme or 'no'} scheme refused"
                    return None, FAILED.format(host=host, reason=reason)
                current = target
                continue
            break
        else:
            return None, FAILED.format(host=host, reason="too many redirects")
    except _Refused as exc:
        return None, str(exc)
    except _Deadline:
        return None, messages.URL_DEADLINE.format(host=host, seconds=timeout)
    except _Offline:
        return None, OFFLINE.format(host=host)
    except TimeoutError:
        return None, messages.URL_DEADLINE.format(host=host, seconds=timeout)
    except (ConnectionRefusedError, ConnectionResetError):
        return None, OFFLINE.format(host=host)
    except (OSError, ValueError, http.client.HTTPException) as exc:
        return None, FAILED.format(host=host, reason=type(exc).__name__)
    if status >= 400:
        return None, HTTP_ERROR.format(host=host, code=status)
    if len(data) > max_bytes:
        return None, TOO_BIG.format(host=host, limit=max_bytes)
    name = safe_name(f"{host}{parts.path}".replace("/", "-").strip("-")[:80] or host)
    if not name.lower().endswith((".html", ".htm")):
        name += ".html"
    return StoredFile(name, data), None
