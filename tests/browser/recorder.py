"""What a page does on the network and in the console, recorded for the
browser checks: third-party requests (blocked), failed requests, console
errors and Content-Security-Policy violations."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

# Recorded in every page before its own scripts run (and whatever the page's
# CSP says, since Playwright injects it through the DevTools protocol).
CSP_LISTENER = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  const what = !e.blockedURI || e.blockedURI === "inline" || e.blockedURI === "eval" ? `an ${e.blockedURI || "inline"} resource` : e.blockedURI;
  window.__csp.push(`${e.effectiveDirective} blocked ${what}`
    + (e.sample ? ` (${e.sample})` : "") + (e.sourceFile ? ` at ${e.sourceFile}:${e.lineNumber}` : ""));
});
"""


@dataclass
class Recorder:
    """Console messages, failed and third-party requests of one browser
    context, filed under the page being checked (`current`)."""

    origin: str
    current: str = "?"
    expected_404: str | None = None  # the URL of a page that should answer 404
    found: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    inflight: set = field(default_factory=set)

    def attach(self, context) -> None:
        context.add_init_script(CSP_LISTENER)
        # Anything not from the local server is recorded and never sent.
        context.route(lambda url: not url.startswith(self.origin + "/"), self._third_party)
        context.on("page", self.watch)
        for page in context.pages:
            self.watch(page)

    def _third_party(self, route) -> None:
        request = route.request
        self.found["third-party"].append(
            f"{self.current}: {request.resource_type} request to {request.url}; the site must make no request to another origin: "
            "serve the file from docs/.overrides/assets, or turn off the feature that fetches it"
        )
        route.abort()

    def watch(self, page) -> None:
        page.on("request", lambda request: self.inflight.add(request))
        page.on("requestfinished", lambda request: self.inflight.discard(request))
        page.on("console", self._console)
        page.on(
            "pageerror", lambda err: self.found["console"].append(f"{self.current}: uncaught JavaScript error: {err}")
        )
        page.on("requestfailed", self._failed)
        page.on("response", self._response)

    def _console(self, msg) -> None:
        if msg.type not in ("error", "warning"):
            return
        if self.expected_404 and msg.location.get("url") == self.expected_404 and "404" in msg.text:
            return  # the "not found" page itself, answered with its 404 status
        where = msg.location.get("url", "")
        self.found["console"].append(
            f"{self.current}: console {msg.type}: {msg.text} ({where}:{msg.location.get('lineNumber', 0)})"
        )

    def settle(self, page, timeout: float = 10.0) -> None:
        """Wait until the page has no request in flight (quicker than
        Playwright's networkidle, which always waits half a second)."""
        waited = 0.0
        while self.inflight and waited < timeout:
            page.wait_for_timeout(25)
            waited += 0.025
        for request in list(self.inflight):
            self.found["requests"].append(
                f"{self.current}: {request.resource_type} request {request.url} still unanswered after {timeout:.0f} s"
            )
            self.inflight.discard(request)

    def _failed(self, request) -> None:
        self.inflight.discard(request)
        if not request.url.startswith(self.origin + "/"):
            return  # reported as a third-party request
        if request.failure == "net::ERR_ABORTED":
            return  # cancelled because the check moved on to the next page
        self.found["requests"].append(
            f"{self.current}: {request.resource_type} request {request.url} failed: {request.failure}"
        )

    def _response(self, response) -> None:
        if response.status < 400 or response.url == self.expected_404:
            return
        self.found["requests"].append(
            f"{self.current}: {response.request.resource_type} {response.url} answered {response.status}; fix the link or the missing file"
        )
