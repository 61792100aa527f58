"""What the browser checks look for on a page, written once: the all-pages
audit and the broken-page tests both call these.

Each check returns messages that name the page, the element and the rule,
and say how to fix it.
"""

from __future__ import annotations

import functools
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from explainer.model.layout import ROOT, rel

from .conftest import BASE_PATH, CONFIG, unavailable
from .recorder import Recorder
from .startup import start_material

AXE_FILE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SKIP_TEXT = {"en": "Skip to content", "fr": "Aller au contenu"}  # Material's wording
NARROW = 360  # px: the narrowest phone the layout must fit
FOCUS_STOPS = 12  # keyboard stops checked for a visible focus indicator, from the top


@functools.cache
def axe_source() -> str:
    if not AXE_FILE.is_file():
        unavailable(
            f"{rel(AXE_FILE)} is missing: run `python3 scripts/dev.py test`, which installs the pinned Node tools"
        )
    return AXE_FILE.read_text(encoding="utf-8")


# --------------------------------------------------------------------------
# Pages and palettes
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    label: str  # the built file, as messages name it
    path: str  # address inside the site, as a reader requests it
    status: int = 200


def targets(site: Path) -> list[Target]:
    """Every page of every edition, and each edition's 404.html, reached as
    GitHub Pages serves it: the root one at a missing address some folders
    deep, the French one through it, at a missing address under fr/."""
    out = []
    for page in sorted(site.rglob("index.html")):
        rel = page.relative_to(site).as_posix()
        out.append(Target(rel, rel.removesuffix("index.html")))
    for page in sorted(site.rglob("404.html")):
        rel = page.relative_to(site).as_posix()
        out.append(Target(rel, rel.removesuffix("404.html") + "no/such/page/", 404))
    return out


def palette_script(scheme: str) -> str:
    """An init script that stores the reader's palette choice the way
    Material does (localStorage key `<scope>.__palette`, where the scope is
    the site's path for every edition: `extra.scope`), so every edition
    opens in `scheme` ('default' or 'slate')."""
    palettes = CONFIG["theme"]["palette"]
    index = next(i for i, p in enumerate(palettes) if p.get("scheme", "default") == scheme)
    chosen = palettes[index]
    value = {
        "index": index,
        "color": {
            "media": chosen.get("media", ""),
            "scheme": scheme,
            "primary": chosen.get("primary", "indigo"),
            "accent": chosen.get("accent", "indigo"),
        },
    }
    return f"""try {{ localStorage.setItem({json.dumps(BASE_PATH + ".__palette")}, {json.dumps(json.dumps(value))}); }} catch (e) {{}}"""


# --------------------------------------------------------------------------
# Checks on the loaded page
# --------------------------------------------------------------------------


def axe(page, where: str) -> list[str]:
    """WCAG 2.1 A and AA rules of axe-core, run on the page as it is now."""
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(axe_source())  # evaluated, not a <script>: the page's CSP does not apply
    result = page.evaluate(
        "(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", AXE_TAGS
    )
    out = []
    for rule in result["violations"]:
        for node in rule["nodes"]:
            summary = " ".join((node.get("failureSummary") or "").split())
            html = " ".join(node["html"].split())[:200]
            out.append(
                f"{where}: axe {rule['id']} ({rule['impact']}): {rule['help']}. Element {' '.join(map(str, node['target']))}: {html}. "
                f"{summary} How to fix: {rule['helpUrl'].split('?')[0]}; add the fix to docs/.overrides (CSS in explainer.css, section Accessibility)"
            )
    return out


def color_scheme(page) -> str:
    return page.evaluate("document.body.getAttribute('data-md-color-scheme')")


OVERFLOW_JS = """(width) => {
  const doc = document.documentElement;
  if (doc.scrollWidth <= doc.clientWidth) return [];
  const clipped = (el) => { for (let p = el.parentElement; p; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX; if (o !== "visible") return p !== document.body && p !== doc; }
    return false; };
  const wide = [...document.body.querySelectorAll("*")].filter((el) => {
    const r = el.getBoundingClientRect(); return r.width > 0 && r.right > doc.clientWidth + 1 && !clipped(el); });
  const leaves = wide.filter((el) => !wide.some((other) => other !== el && el.contains(other)));
  return [doc.scrollWidth, ...leaves.slice(0, 5).map((el) => el.outerHTML.slice(0, 120))];
}"""


def overflow(page, where: str) -> list[str]:
    """Nothing sticks out sideways on a narrow phone."""
    size = page.viewport_size
    page.set_viewport_size({"width": NARROW, "height": 740})
    try:
        found = page.evaluate(OVERFLOW_JS, NARROW)
    finally:
        page.set_viewport_size(size)
    if not found:
        return []
    width, *elements = found
    return [
        f"{where}: at {NARROW} px wide the page is {width} px wide, so readers must scroll sideways; too wide: "
        + (" | ".join(elements) or "(no single element found)")
        + ". Let it wrap (overflow-wrap: anywhere) or scroll inside its own box, in explainer.css"
    ]


FOCUSED_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const shows = (node) => {
    const s = getComputedStyle(node), r = node.getBoundingClientRect();
    const visible = r.width > 0 && r.height > 0 && s.visibility !== "hidden" && r.bottom > 0 && r.right > 0
      && r.top < innerHeight && r.left < innerWidth;
    const indicator = (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== "none";
    return {visible, indicator};
  };
  // A visually hidden input (Material's palette switch) shows its focus on the label that follows it.
  const proxies = [el, ...(el.labels || []), ...(el.nextElementSibling && el.nextElementSibling.tagName === "LABEL" ? [el.nextElementSibling] : [])];
  const states = proxies.map(shows);
  return {html: el.outerHTML.slice(0, 120), cls: el.className && String(el.className), text: el.textContent.trim(),
          href: el.getAttribute("href"), visible: states.some((s) => s.visible),
          indicator: states.some((s) => s.visible && s.indicator)};
}"""


def keyboard(page, where: str, lang: str) -> tuple[list[str], list[str]]:
    """(skip-link problems, focus problems) from tabbing through the top of
    the page: the first stop is a visible "Skip to content" link to an element
    that exists, and every stop shows where the focus is."""
    # Tab through the page as readers use it, with Material started (it
    # rebuilds parts of the header).
    start_material(page)
    page.wait_for_load_state("networkidle")
    page.evaluate("window.scrollTo(0, 0); document.activeElement && document.activeElement.blur()")
    skip, focus = [], []
    wanted = SKIP_TEXT.get(lang, SKIP_TEXT["en"])
    for stop in range(FOCUS_STOPS):
        page.keyboard.press("Tab")
        el = page.evaluate(FOCUSED_JS)
        if el is None:
            break
        if stop == 0:
            if "md-skip" not in (el["cls"] or "") or el["text"] != wanted:
                skip.append(
                    f"{where}: the first keyboard stop is {el['html']!r}, not a '{wanted}' link (a.md-skip); see the skip link in docs/.overrides/main.html"
                )
            elif not el["visible"]:
                skip.append(f"{where}: the '{wanted}' link stays invisible when focused")
            elif not page.evaluate("(id) => !!document.getElementById(id)", (el["href"] or "#").lstrip("#")):
                skip.append(f"{where}: the '{wanted}' link points to {el['href']}, which is not on the page")
        if not (el["indicator"] and el["visible"]):
            problem = "is not visible" if not el["visible"] else "has no focus indicator (outline or box-shadow)"
            focus.append(
                f"{where}: keyboard stop {stop + 1}, {el['html']!r}, {problem}; give it a :focus-visible outline in explainer.css (section Accessibility)"
            )
    return skip, focus


@dataclass
class Audit:
    recorder: Recorder
    found: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    pages: int = 0

    def run(self, page, server, target: Target, scheme: str, layout: bool) -> None:
        """Load one page in one palette and run every check on it."""
        where = f"{target.label} ({'dark' if scheme == 'slate' else 'light'})"
        url = server.url(target.path)
        rec = self.recorder
        rec.current, rec.expected_404 = where, url if target.status == 404 else None
        page.goto(url, wait_until="load")
        rec.settle(page)
        self.pages += 1
        if color_scheme(page) != scheme:
            self.found["palette"].append(
                f"{where}: the page opened in palette {color_scheme(page)!r}, not {scheme!r}; the palette set-up in tests/browser/checks.py no longer matches Material's"
            )
        self.found["axe"] += axe(page, where)
        if layout:
            self.found["overflow"] += overflow(page, where)
            skip, focus = keyboard(page, where, page.evaluate("document.documentElement.lang"))
            self.found["skip-link"] += skip
            self.found["focus"] += focus
        self.found["csp"] += [
            f"{where}: Content-Security-Policy violation: {v}" for v in page.evaluate("window.__csp || []")
        ]

    def results(self) -> dict[str, list[str]]:
        merged = defaultdict(list, {k: list(v) for k, v in self.found.items()})
        for kind, messages in self.recorder.found.items():
            merged[kind] += messages
        # A CSP violation also shows in the console; report it once, as CSP.
        merged["csp"] += [m for m in merged["console"] if "Content Security Policy" in m]
        merged["console"] = [m for m in merged["console"] if "Content Security Policy" not in m]
        return merged


def new_audit(browser, server, scheme: str, palette: bool = True):
    """A browser context in `scheme` ('default' or 'slate'), its page and
    its audit. Close the context when done."""
    context = browser.new_context(
        color_scheme="dark" if scheme == "slate" else "light",
        viewport={"width": 1280, "height": 800},
        service_workers="block",
    )
    if palette:
        context.add_init_script(palette_script(scheme))
    recorder = Recorder(server.origin)
    recorder.attach(context)
    page = context.new_page()
    return context, page, Audit(recorder)


# --------------------------------------------------------------------------
# Pages broken on purpose, on their way to the browser (nothing on disk changes)
# --------------------------------------------------------------------------


def change_page(context, server, path: str, change) -> None:
    """Serve the built page at `path` with change(html) applied."""

    def handle(route):
        response = route.fetch()
        route.fulfill(response=response, body=change(response.text()))

    context.route(server.url(path), handle)


def change_css(context, extra: str, sheet: str = "explainer.css") -> None:
    """Serve our stylesheet `sheet` with `extra` rules appended."""

    def handle(route):
        response = route.fetch()
        route.fulfill(response=response, body=response.text() + "\n" + extra)

    context.route(f"**/assets/stylesheets/{sheet}", handle)


def clean(page, checks) -> list[str]:
    """Console errors, failed or third-party requests and CSP violations so far."""
    checks.recorder.settle(page)
    results = checks.results()
    return [m for kind in ("console", "requests", "third-party", "csp") for m in results.get(kind, [])] + page.evaluate(
        "window.__csp || []"
    )


def assert_works(problems: list[str], page, checks) -> None:
    problems = problems + clean(page, checks)
    assert not problems, "\n".join(problems)


TAB_STOP = "(el => el === document.body ? 'BODY' : el.tagName + ':' + (el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 20))"


def tab_until(page, predicate: str, limit: int = 300) -> list[str]:
    """Press Tab until the focused element satisfies `predicate` (a JavaScript
    function of the element), for at most `limit` presses or one full round of
    the page. Returns the stops passed, for the failure message.

    A stop on the page's body is passed over, not taken as the end of the
    round: focus can fall back to it for a moment while the theme's script
    sets up the element that had it, and the next Tab goes on from there."""
    stops: list[str] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"({predicate})(document.activeElement)"):
            break
        stop = page.evaluate(f"{TAB_STOP}(document.activeElement)")
        if stops and stop == stops[0]:
            break  # back at the first stop: a full round without a match
        stops.append(stop)
    return stops
