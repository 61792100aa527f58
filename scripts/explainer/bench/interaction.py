"""What the reader's first activity costs: Material's start-up, measured in
Chromium with the CPU slowed as on a mid-range phone. Lighthouse never acts
on a page, so it cannot see it."""

from __future__ import annotations

import statistics

from .lighthouse import CHROME_FLAGS

# Long tasks (over 50 ms) from the moment the pointer first moves.
LONG_TASKS = """window.__long = []
new PerformanceObserver(list => { for (const e of list.getEntries()) window.__long.push([e.startTime, e.duration]) })
  .observe({type: "longtask", buffered: true})"""


def first_activity(origin: str, pages: list[str], chrome: str, runs: int) -> dict[str, float]:
    """{page: the longest main-thread task after the reader's first activity,
    in ms}, median of `runs`. Lighthouse never acts on a page, so it cannot
    see Material's start-up, which partials/on-demand.html holds back until
    that activity: this measures it, in the same Chromium with the CPU slowed
    4 times as Lighthouse's mobile preset assumes (here for real, through
    DevTools, rather than simulated)."""
    from playwright.sync_api import sync_playwright

    out: dict[str, float] = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=chrome, args=[f for f in CHROME_FLAGS if not f.startswith("--headless")]
        )
        try:
            for page_path in pages:
                longest = []
                for _ in range(runs):
                    context = browser.new_context(
                        viewport={"width": 412, "height": 823}, is_mobile=True, has_touch=True
                    )
                    page = context.new_page()
                    page.add_init_script(LONG_TASKS)
                    page.goto(origin + page_path, wait_until="networkidle")
                    context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
                    since = page.evaluate("performance.now()")
                    page.mouse.move(200, 400)
                    for _ in range(200):  # until Material has started (window.component$), 10 s at most
                        if page.evaluate("'component$' in window"):
                            break
                        page.wait_for_timeout(50)
                    page.wait_for_timeout(1000)  # what it sets off in later tasks
                    tasks = [d for t, d in page.evaluate("window.__long") if t >= since]
                    longest.append(max(tasks, default=0.0))
                    context.close()
                out[page_path] = statistics.median(longest)
        finally:
            browser.close()
    return out
