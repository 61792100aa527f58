"""The preview's own additions to the pages it serves: a banner listing the
problems the rules found, kept up to date without a reload, and the site's
404 page for unknown addresses.

They are added by the server as it sends each page, never written into the
built files, so the published site can't carry them.
"""

from __future__ import annotations

import html
import re
import threading
from pathlib import Path

from mkdocs.livereload import LiveReloadServer

from ..model.problems import Problem

BANNER_ID = "explainer-preview"
POLL = "/.preview/problems/"
BODY = re.compile(rb"<body[^>]*>", re.I)
STYLE = (
    "#explainer-preview{position:sticky;top:0;z-index:1000;max-height:40vh;overflow:auto;margin:0;"
    "padding:.6rem 1rem;background:#fff3cd;color:#3b2f00;border-bottom:3px solid #b58100;"
    "font:14px/1.45 system-ui,sans-serif}"
    "#explainer-preview.failed{background:#fde2e1;color:#4a0d0b;border-color:#b3261e}"
    "#explainer-preview ul{margin:.3rem 0 0 1.2rem;padding:0}#explainer-preview li{margin:.15rem 0}"
    "#explainer-preview code{font:13px/1.4 ui-monospace,monospace;background:none;color:inherit}"
    "#explainer-preview:empty{display:none}"
)
# Replaces the banner each time the rules finish, without reloading the page.
SCRIPT = """(function(){var v=%d;function poll(){fetch("%s"+v).then(function(r){
v=+r.headers.get("X-Problems-Version")||v;return r.text()}).then(function(h){
var el=document.getElementById("%s");if(el){el.outerHTML=h}poll()},function(){setTimeout(poll,3000)})}poll()})();"""


class Board:
    """The problems the preview shows, and a version that changes with them."""

    def __init__(self) -> None:
        self.version = 0
        self.problems: list[Problem] = []
        self.note = ""
        self.failed = False
        self.changed = threading.Condition()

    def show(self, problems: list[Problem], note: str = "", failed: bool = False) -> None:
        with self.changed:
            self.problems, self.note, self.failed = list(problems), note, failed
            self.version += 1
            self.changed.notify_all()

    def wait(self, seen: int, timeout: float = 60) -> int:
        """Block until the version is newer than `seen` (or `timeout` passes)."""
        with self.changed:
            self.changed.wait_for(lambda: self.version > seen, timeout=timeout)
            return self.version

    def banner(self) -> str:
        """The banner's HTML: empty (and hidden) when there is nothing to say."""
        attrs = f'id="{BANNER_ID}" role="status" class="{"failed" if self.failed else ""}"'
        if not self.problems and not self.note:
            return f"<div {attrs}></div>"
        n = len(self.problems)
        if self.failed:
            head = "The last rebuild failed; this is the last page that built."
        else:
            head = f"{n} problem{'' if n == 1 else 's'} to fix before this can be published." if n else ""
        items = "".join(
            f"<li><code>{html.escape(p.where)}</code>: {html.escape(p.what)}; <em>{html.escape(p.fix)}</em></li>"
            for p in self.problems
        )
        note = f" <small>{html.escape(self.note)}</small>" if self.note else ""
        return f"<div {attrs}><strong>Preview only.</strong> {head}{note}<ul>{items}</ul></div>"


class PreviewServer(LiveReloadServer):
    """MkDocs's live-reload server, plus the problems banner on every page
    and the site's own 404 page."""

    def __init__(self, board: Board, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.board = board
        self.error_handler = self.not_found

    def _serve_request(self, environ, start_response):
        path = environ["PATH_INFO"]
        if path.startswith(POLL):
            seen = int(path[len(POLL) :] or 0) if path[len(POLL) :].isdigit() else 0
            version = self.board.wait(seen)
            body = self.board.banner().encode("utf-8")
            start_response(
                "200 OK",
                [
                    ("Content-Type", "text/html; charset=utf-8"),
                    ("Cache-Control", "no-store"),
                    ("X-Problems-Version", str(version)),
                ],
            )
            return [body]
        return super()._serve_request(environ, start_response)

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        content = super()._inject_js_into_html(content, epoch)
        board = self.board
        addition = (
            f"<style>{STYLE}</style>{board.banner()}<script>{SCRIPT % (board.version, POLL, BANNER_ID)}</script>"
        ).encode()
        body = BODY.search(content)
        at = body.end() if body else 0
        return content[:at] + addition + content[at:]

    def not_found(self, code: int) -> bytes | None:
        """The site's own 404.html for an unknown address, with the banner."""
        if code != 404:
            return None
        page = Path(self.root) / "404.html"
        content = (
            page.read_bytes() if page.is_file() else b"<!doctype html><html><body><h1>Not built yet</h1></body></html>"
        )
        with self._epoch_cond:
            epoch = self._visible_epoch
        return self._inject_js_into_html(content, epoch)
