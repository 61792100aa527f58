"""The system Chromium, for the browser checks and the audit. It is never
downloaded: Debian's `chromium` package (or CHROMIUM_PATH) provides it."""

from __future__ import annotations

import os
import shutil

NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# Without these, Chromium calls Google hosts (updates, sync, field trials),
# which this site's checks must never do.
ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
)


def find_chromium() -> tuple[str | None, str]:
    """(executable, why none was found): CHROMIUM_PATH if set, else the first
    of NAMES on PATH."""
    env = os.environ.get("CHROMIUM_PATH")
    if env:
        found = env if os.path.isfile(env) and os.access(env, os.X_OK) else shutil.which(env)
        return found, "" if found else f"CHROMIUM_PATH={env} is not an executable"
    for name in NAMES:
        found = shutil.which(name)
        if found:
            return found, ""
    return (
        None,
        f"no Chromium: install it (Debian: apt install chromium), or set CHROMIUM_PATH, or put one of {', '.join(NAMES)} on PATH",
    )
