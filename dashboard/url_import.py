"""Optional import of an article from a web address.

This is the only place Slant touches the network, and only when the user asks.
Offline, or when the page cannot be fetched, the user gets a message saying so
and what to do instead; nothing else depends on it.
"""

from __future__ import annotations

import ipaddress
import socket
import urllib.error
import urllib.parse
import urllib.request

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


def _public(host: str) -> bool:
    """Whether every address ``host`` resolves to is on the public internet."""
    infos = socket.getaddrinfo(host, None)
    return bool(infos) and all(
        ipaddress.ip_address(info[4][0].split("%")[0]).is_global for info in infos
    )


class _PublicRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects only to public http(s) addresses."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: D102
        parts = urllib.parse.urlsplit(newurl)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise urllib.error.URLError(f"redirect to {parts.scheme or 'no'} scheme refused")
        if not _public(parts.hostname):
            raise urllib.error.URLError(PRIVATE.format(host=parts.hostname))
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_OPENER = urllib.request.build_opener(_PublicRedirects)


def fetch(
    url: str, timeout: float = TIMEOUT, max_bytes: int = MAX_FILE_BYTES
) -> tuple[StoredFile | None, str | None]:
    """Fetch one page as an ``.html`` file for the story.

    Args:
        url: An http(s) address.
        timeout: Seconds before giving up.
        max_bytes: Largest page accepted.

    Returns:
        ``(file, None)`` on success, ``(None, message)`` otherwise; never raises.
    """
    url = url.strip()
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None, BAD_URL.format(url=url[:200])
    host = parts.hostname
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        if not _public(host):
            return None, PRIVATE.format(host=host)
    except (OSError, UnicodeError, ValueError):  # no resolver: offline
        return None, OFFLINE.format(host=host)
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            data = response.read(max_bytes + 1)
    except urllib.error.HTTPError as exc:
        return None, HTTP_ERROR.format(host=host, code=exc.code)
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, (socket.gaierror, ConnectionRefusedError, OSError)):
            return None, OFFLINE.format(host=host)
        return None, FAILED.format(host=host, reason=reason)
    except (TimeoutError, OSError, ValueError) as exc:
        return None, FAILED.format(host=host, reason=type(exc).__name__)
    if len(data) > max_bytes:
        return None, TOO_BIG.format(host=host, limit=max_bytes)
    name = safe_name(f"{host}{parts.path}".replace("/", "-").strip("-")[:80] or host)
    if not name.lower().endswith((".html", ".htm")):
        name += ".html"
    return StoredFile(name, data), None
