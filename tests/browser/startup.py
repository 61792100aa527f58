"""Material's start-up, seen in the browser: it waits for the reader's first
activity, and nothing on screen moves when it starts or while a page loads."""

from __future__ import annotations

import time
from pathlib import Path

from explainer.model.html import target_file
from explainer.model.layout import rel
from explainer.tools.pages_server import PagesHandler

from .conftest import Server


def wait_until(page, condition: str, timeout: float = 5.0) -> bool:
    """Whether the JavaScript expression `condition` becomes true within
    `timeout` seconds. Polled with page.evaluate: Playwright's
    wait_for_function evaluates strings in the page, which the pages' CSP
    (no 'unsafe-eval') refuses."""
    waited = 0.0
    while not page.evaluate(condition):
        if waited >= timeout:
            return False
        page.wait_for_timeout(50)
        waited += 0.05
    return True


def start_material(page) -> None:
    """Start Material's bundle the way a reader does, by moving the pointer
    (it starts at the first activity: partials/on-demand.html), to a corner
    where nothing shows a tooltip; return once it has (it exposes its
    observables on window)."""
    size = page.viewport_size or {"width": 800, "height": 600}
    page.mouse.move(size["width"] - 2, size["height"] - 2)
    assert wait_until(page, "'component$' in window", 10), (
        "Material's bundle did not start on a pointer move; see partials/on-demand.html"
    )


LAYOUT_SHIFTS = """window.__shifts = [];
new PerformanceObserver(list => { for (const e of list.getEntries()) window.__shifts.push(
  `${e.value.toFixed(4)} at ${Math.round(e.startTime)} ms: ` + e.sources.map(s => s.node ? `<${s.node.nodeName.toLowerCase()} class="${s.node.className}">` : "?").join(", ")) })
  .observe({type: "layout-shift", buffered: true})"""

# Where every element is and how it looks; what Material changes on purpose
# when it starts (search results list, sidebars fitted to the window) aside.
BOXES = """() => { const out = {}; let i = 0
  for (const el of document.querySelectorAll('body *')) {
    i++
    if (el.closest('.md-search-result, .md-sidebar__scrollwrap') && !el.matches('.md-sidebar__scrollwrap *')) continue
    const r = el.getBoundingClientRect(), cs = getComputedStyle(el)
    out[`<${el.tagName.toLowerCase()} class="${el.className.baseVal ?? el.className}"> #${i}`] =
      [r.x, r.y, r.width, r.height].map(Math.round).join(' ') + ` ${cs.display} ${cs.visibility} ${cs.color} ${cs.backgroundColor}`
  }
  return out }"""


def material_start_problems(page, where: str) -> list[str]:
    """Material's bundle waits for the reader's first activity
    (partials/on-demand.html), and starting it changes nothing on screen and
    moves nothing (the page needs the LAYOUT_SHIFTS init script)."""
    page.wait_for_timeout(300)
    problems = []
    if page.evaluate("'component$' in window"):
        problems.append(
            f"{where}: Material's bundle started with no activity from the reader; it must wait for one (see partials/on-demand.html)"
        )
    before = page.evaluate(BOXES)
    start_material(page)
    page.wait_for_timeout(300)
    after = page.evaluate(BOXES)
    problems += [
        f"{where}: when Material starts, {k} changes from {before.get(k)} to {after.get(k)}; "
        "the first view must already look as Material leaves it (see main.html and explainer.css)"
        for k in sorted(set(before) | set(after))
        if before.get(k) != after.get(k)
    ][:5]
    problems += [f"{where}: layout shift {s}" for s in page.evaluate("window.__shifts || []")]
    return problems


# Where a page is cut in two: just before the header's last item, so that a
# first paint with only the first part shows a header without it.
HEADER_LAST_ITEM = b'<div class="md-search" data-md-component="search"'


class HeaderInParts(PagesHandler):
    """Sends each page in two parts, cut inside the header, with a pause
    between. A slow network or a busy processor can do the same: the parser
    stops where the data ends, and the browser may paint what it has."""

    pause = 1.0  # seconds: long enough for a first paint, even on a busy machine

    def write_body(self, body: bytes) -> None:
        cut = body.find(HEADER_LAST_ITEM)
        if cut < 0:
            self.wfile.write(body)
            return
        self.wfile.write(body[:cut])
        self.wfile.flush()
        time.sleep(self.pause)
        self.wfile.write(body[cut:])


def header_in_parts_problems(browser, site: Path, paths) -> list[str]:
    """Each page, sent in two parts cut inside its header, is first painted
    with the whole header: nothing moves when the second part arrives."""
    problems = []
    with Server(site, HeaderInParts) as srv:
        context = browser.new_context(viewport={"width": 1280, "height": 823}, reduced_motion="reduce")
        context.add_init_script(LAYOUT_SHIFTS)
        for path in paths:
            where = rel(target_file(site, path), site)
            if HEADER_LAST_ITEM not in (site / where).read_bytes():
                problems.append(
                    f"{where}: the header has no {HEADER_LAST_ITEM.decode()} to cut the page at; "
                    "update HEADER_LAST_ITEM in tests/browser/startup.py to the header's last item"
                )
                continue
            page = context.new_page()
            page.goto(srv.url(path))
            page.wait_for_load_state("networkidle")
            problems += [
                f"{where}: the header was painted half parsed, and moved when the rest arrived (layout shift {s}); "
                'the page needs <link rel="expect" href="#..." blocking="render"> naming an element after the header '
                "(docs/.overrides/main.html)"
                for s in page.evaluate("window.__shifts")
            ]
            page.close()
        context.close()
    return problems
