"""The server settings Slant needs, enforced whatever folder it was started from.

Streamlit reads ``.streamlit/config.toml`` from the *working directory*, so
``streamlit run path/to/dashboard/app.py`` started elsewhere would listen on
every interface, show tracebacks on screen, accept 200 MB uploads and collect
usage statistics. :func:`enforce` sets the settings that can be changed while
the server runs and reports the one that cannot (the listening address).
"""

from __future__ import annotations

import logging
from typing import Any

from streamlit import config

from analysis import messages

log = logging.getLogger("slant.dashboard")

SAFE: dict[str, Any] = {
    "client.showErrorDetails": "none",
    "client.toolbarMode": "viewer",
    "server.maxUploadSize": 10,
    "browser.gatherUsageStats": False,
}
"""Settings set at start-up when they differ (Streamlit reads them on each use)."""
LOCAL_ADDRESSES = ("localhost", "127.0.0.1", "::1")
WHERE = "Slant's safe settings (dashboard/settings.py)"


def enforce() -> list[str]:
    """Put :data:`SAFE` in force; return the names of the settings that were changed."""
    changed = []
    for key, value in SAFE.items():
        if config.get_option(key) != value:
            config.set_option(key, value, WHERE)
            changed.append(key)
    if changed:
        log.warning("Slant set %s to its safe values (no .streamlit/config.toml in the "
                    "working directory?)", ", ".join(changed))
    return changed


def address_problem() -> str | None:
    """Why the listening address is unsafe, or None.

    An address nobody chose (Streamlit's default listens on every interface)
    is refused; one given on purpose (``--server.address 0.0.0.0`` to share
    with a class) is allowed, as the README describes.
    """
    address = config.get_option("server.address")
    if address in LOCAL_ADDRESSES:
        return None
    if address:
        where = config.get_where_defined("server.address")
        log.warning("Slant is listening on %s (set in %s)", address, where)
        return None
    return messages.UNSAFE_ADDRESS.format(where="no address was set")
