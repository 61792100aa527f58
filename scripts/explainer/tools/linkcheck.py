"""Online check of external URLs, with a cache so reruns stay polite.

Never part of the default test run: `python3 scripts/dev.py test --online`
runs it, and so does the weekly links workflow.
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ..model.layout import ROOT

CACHE = ROOT / ".cache" / "links.json"
MAX_AGE = 7 * 24 * 3600  # a week: a link that worked recently is not re-fetched
HEADERS = {"User-Agent": "Mozilla/5.0 (compatible; pact-explainer-linkcheck)"}


def check_one(url: str, timeout: float = 20) -> str | None:
    """None if the URL answers, else the reason it doesn't."""
    for method in ("HEAD", "GET"):  # some servers refuse HEAD
        try:
            request = urllib.request.Request(url, method=method, headers=HEADERS)
            with urllib.request.urlopen(request, timeout=timeout):
                return None
        except urllib.error.HTTPError as err:
            if err.code in (403, 429):  # bot walls: the page exists
                return None
            reason = f"HTTP {err.code}"
        except (urllib.error.URLError, TimeoutError, OSError) as err:
            reason = str(getattr(err, "reason", err))
    return reason


def check_all(urls: list[str], cache_file: Path = CACHE) -> list[tuple[str, str]]:
    cache = json.loads(cache_file.read_text()) if cache_file.exists() else {}
    now = time.time()
    todo = [u for u in urls if not (u in cache and cache[u]["ok"] and now - cache[u]["at"] < MAX_AGE)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        for url, reason in zip(todo, pool.map(check_one, todo), strict=False):
            cache[url] = {"ok": reason is None, "reason": reason, "at": now}
    cache_file.parent.mkdir(parents=True, exist_ok=True)
    cache_file.write_text(json.dumps(cache, indent=1, sort_keys=True))
    return [(u, cache[u]["reason"]) for u in urls if not cache[u]["ok"]]
