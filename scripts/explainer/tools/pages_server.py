"""A local stand-in for GitHub Pages, for the browser checks and the audit.

It serves a built site under its published path (e.g. /russia-north-korea-pact/),
redirects folders to their trailing slash, answers a missing address with
the site's root 404.html and status 404, sends GitHub Pages's cache header,
and gzips text the way GitHub Pages does when asked to.
"""

from __future__ import annotations

import gzip
import http.server
import mimetypes
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..checks.budget import GZIP_LEVEL

GZIP_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


class PagesHandler(http.server.BaseHTTPRequestHandler):
    """Serves `server.site` at `server.mount`. Subclasses may override
    `write_body` to change how a page's bytes go out (e.g. in two parts)."""

    protocol_version = "HTTP/1.1"

    def log_message(self, *args):  # quiet: the checks and the audit report what matters
        pass

    def do_HEAD(self):
        self.respond(head=True)

    def do_GET(self):
        self.respond(head=False)

    def redirect(self, location: str) -> None:
        self.send_response(301)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def respond(self, head: bool) -> None:
        site, mount = self.server.site, self.server.mount
        path = unquote(urlsplit(self.path).path)
        if path + "/" == mount:
            return self.redirect(mount)
        target = None
        if path.startswith(mount):
            candidate = (site / path[len(mount) :]).resolve()
            if candidate.is_dir():
                if not path.endswith("/"):
                    return self.redirect(path + "/")
                candidate = candidate / "index.html"
            if candidate.is_file() and candidate.is_relative_to(site.resolve()):
                target = candidate
        status = 200
        if target is None:
            status, target = 404, site / "404.html"
            if not target.is_file():
                self.send_error(404)
                return None
        body = target.read_bytes()
        ctype = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if ctype.startswith("text/") or ctype in ("application/javascript", "application/json"):
            ctype += "; charset=utf-8"
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Cache-Control", "max-age=600")  # what GitHub Pages sends
        compress = self.server.gzip and ctype.startswith(GZIP_TYPES)
        if compress:
            self.send_header("Vary", "Accept-Encoding")
            compress = "gzip" in self.headers.get("Accept-Encoding", "")
            if compress:
                body = gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0)
                self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head:
            self.write_body(body)
        return None

    def write_body(self, body: bytes) -> None:
        self.wfile.write(body)


class PagesServer:
    """A running server: `with PagesServer(site, mount) as srv: srv.url("fr/")`.

    site: the built site folder. mount: its published path, with slashes at
    both ends. handler: the request handler class. gzip: compress text as
    GitHub Pages does (off for checks that cut pages in parts)."""

    def __init__(self, site: Path, mount: str, handler: type[PagesHandler] = PagesHandler, gzip: bool = True):
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.httpd.site, self.httpd.mount, self.httpd.gzip = Path(site), mount, gzip
        self.site = Path(site)
        self.origin = f"http://127.0.0.1:{self.httpd.server_port}"
        self.base = self.origin + mount  # the default edition's home
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        """Address of a path inside the site, e.g. 'fr/treaty/'."""
        return self.base + path

    def __enter__(self) -> PagesServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
