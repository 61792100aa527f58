"""`scripts/dev.py audit`: a performance benchmark, not a test.

It builds the site, serves it the way GitHub Pages does (gzip, under the
site_url path), runs Lighthouse (mobile, the default) on every page of every
edition and on the 404 page, and prints one row per page and the medians.
In the same run it builds the treaty page with a stock Material configuration
(the same pages, nav, features and Markdown, without our overrides, hooks and
CSS) and prints our figures as ratios of the stock ones. It also measures,
in Chromium with the CPU slowed 4 times, how long a tap made 100 ms after
the reader's first scroll takes to show on every page and on the stock one
(bench/firsttap.py): Lighthouse never acts on a page, so it never sees the
start-up of Material, which the pages hold back until that activity. And it
times a full build, the editor's check and the default test run. JSON
reports go to reports/ (git-ignored).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ..build.engines import QUIET, ZENSICAL, BuildError
from ..build.site import build_site
from ..checks.budget import BYTE_BUDGET, REQUEST_BUDGET, kb
from ..model.config import published
from ..model.html import html_pages
from ..model.layout import ROOT, rel
from ..tools.check import check
from ..tools.chromium import find_chromium
from ..tools.pages_server import PagesServer
from . import firsttap
from .lighthouse import CATEGORIES, FCP_RATIO_TARGET, LIGHTHOUSE, METRICS, Result, lighthouse_version, median_run
from .stock import build_stock
from .weights import engines_table

REPORTS = ROOT / "reports" / "lighthouse"
BUILDS_TIMED = 3
REFERENCE_PAGE = "treaty/"


# --------------------------------------------------------------------------
# Timings
# --------------------------------------------------------------------------


def time_builds(n: int = BUILDS_TIMED) -> list[float]:
    times = []
    with tempfile.TemporaryDirectory(prefix="audit-build-") as tmp:
        for _ in range(n):
            start = time.perf_counter()
            build_site(Path(tmp) / "site")
            times.append(time.perf_counter() - start)
    return times


def time_checks(n: int = BUILDS_TIMED) -> list[float]:
    """Seconds `dev.py check` takes (build, every rule, the report), n times."""
    times = []
    for _ in range(n):
        start = time.perf_counter()
        check()
        times.append(time.perf_counter() - start)
    return times


def time_tests() -> tuple[float, str]:
    """Time `pytest -m "not browser and not online"`; return (seconds, pytest's summary line)."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", "not browser and not online"],
        cwd=ROOT,
        env={**os.environ, **QUIET},
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - start
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    return elapsed, (lines[-1].strip("= ") if lines else f"pytest exited with {done.returncode}")


# --------------------------------------------------------------------------
# The report
# --------------------------------------------------------------------------

HEADER = ("Page", "Perf", "A11y", "BP", "SEO", *(label for _, label, _ in METRICS))


def row(name: str, r: Result) -> list[str]:
    s = [("–" if r.scores[c] is None else str(r.scores[c])) for c in CATEGORIES]
    return [name, *s, *(show(getattr(r, key)) for key, _, show in METRICS)]


def median_row(results: list[Result]) -> list[str]:
    s = [f"{statistics.median([r.scores[c] or 0 for r in results]):g}" for c in CATEGORIES]
    return ["median", *s, *(show(statistics.median([getattr(r, key) for r in results])) for key, _, show in METRICS)]


def table(rows: list[list[str]]) -> str:
    """A Markdown table, columns padded so it also reads well in a terminal."""
    widths = [max(len(r[i]) for r in [list(HEADER), *rows]) for i in range(len(HEADER))]

    def line(cells):
        return (
            "| "
            + " | ".join(
                c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=False))
            )
            + " |"
        )

    sep = "|" + "|".join("-" * (w + 1) + (":" if i else "-") for i, w in enumerate(widths)) + "|"
    return "\n".join([line(HEADER), sep, *(line(r) for r in rows)])


def pages_to_audit(site: Path) -> list[str]:
    """Site paths of every page of every edition, then the 404 page.

    Only the root 404.html: GitHub Pages serves it for every missing address
    (fr/404.html is never served). It is audited at its own address, since
    Lighthouse refuses to score a document answered with status 404."""
    pages = [rel(p, site) for p in html_pages(site)]
    named = [p.removesuffix("index.html") for p in pages if not p.endswith("404.html")]
    return sorted(named, key=lambda p: (p.startswith("fr/"), p)) + (["404.html"] if "404.html" in pages else [])


def chromium_version(chrome: str) -> str:
    done = subprocess.run([chrome, "--version"], capture_output=True, text=True)
    return done.stdout.strip() or chrome


def main(args) -> int:
    runs = max(1, int(getattr(args, "runs", 1) or 1))
    chrome, why = find_chromium()
    if not chrome:
        print(f"audit: {why}.", file=sys.stderr)
        return 1
    if not LIGHTHOUSE.exists():
        print("audit: node_modules/.bin/lighthouse is missing; run `npm ci`.", file=sys.stderr)
        return 1
    mount = published()[1]
    site = ROOT / "site"

    print("Building the site into site/ …", flush=True)
    try:
        build_site(site)
    except BuildError as err:
        print(err, file=sys.stderr)
        return 1
    shutil.rmtree(REPORTS, ignore_errors=True)
    REPORTS.mkdir(parents=True)

    pages = pages_to_audit(site)
    out: list[str] = []

    def say(line: str = "") -> None:
        print(line, flush=True)
        out.append(line)

    say(
        f"Lighthouse {lighthouse_version()}, mobile (its default: simulated 4x CPU, slow 4G), {chromium_version(chrome)}, "
        f"{runs} run(s) a page (the median run kept); load average at start {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
    )
    results: dict[str, Result] = {}
    with tempfile.TemporaryDirectory(prefix="audit-stock-") as tmp:
        stock_site = Path(tmp) / "site"
        print("Building the stock-Material reference …", flush=True)
        build_stock(stock_site)
        with PagesServer(site, mount) as server, PagesServer(stock_site, mount) as stock_server:
            origin = server.base
            say(f"Serving site/ at {origin} with gzip, as GitHub Pages does")
            for page in pages:
                name = page.strip("/").replace("/", "_").removesuffix(".html") or "index"
                results[page] = median_run(origin + page, REPORTS / f"{name}.json", chrome, runs)
                print(f"  {page or '(home)'}: {', '.join(results[page].misses()) or 'every target met'}", flush=True)
            stock = median_run(stock_server.base + REFERENCE_PAGE, REPORTS / "stock-treaty.json", chrome, runs)

            print("Measuring the first tap after a scroll, on every page and the stock one …", flush=True)
            taps = firsttap.first_tap(origin, pages, chrome, runs, stock=stock_server.base, log=print)

    with tempfile.TemporaryDirectory(prefix="audit-zensical-") as tmp:
        print("Building the site with Zensical, the second engine …", flush=True)
        build_site(Path(tmp) / "site", engine=ZENSICAL)
        by_engine = engines_table({"MkDocs": site, "Zensical": Path(tmp) / "site"}, mount)

    print("Timing full builds, the editor's check and the default test run …", flush=True)
    builds = time_builds()
    checks = time_checks()
    test_time, test_summary = time_tests()

    ours = results[REFERENCE_PAGE]
    ratio = {
        "FCP": ours.fcp / stock.fcp if stock.fcp else float("nan"),
        "TBT": ours.tbt / stock.tbt if stock.tbt else float("nan"),
        "bytes": ours.bytes / stock.bytes if stock.bytes else float("nan"),
    }
    say()
    say(table([*(row(p or "index", results[p]) for p in pages), median_row(list(results.values()))]))
    say()
    say("Reference: the treaty page built with a stock Material configuration (mkdocs.yml's pages, nav, Markdown,")
    say("features, palette and links; no custom_dir, hooks, extra CSS or post-build steps), with font: false")
    say("because Google Fonts cannot load here (a stock site would also fetch them):")
    say()
    say(table([row("stock " + REFERENCE_PAGE, stock), row("ours " + REFERENCE_PAGE, ours)]))
    say()
    say(
        f"Ours/stock on {REFERENCE_PAGE}: FCP {ratio['FCP']:.2f} (target ≤ {FCP_RATIO_TARGET}), TBT {ratio['TBT']:.2f}, bytes {ratio['bytes']:.2f}"
    )
    say()
    say("First-view weight of every page under each engine (gzipped, as the budget test counts it):")
    say()
    for line in by_engine:
        say(line)
    say()
    for line in firsttap.summary(taps):
        say(line)
    say()
    say(
        f"Full build of both editions: median {statistics.median(builds):.2f} s of {len(builds)} ({', '.join(f'{t:.2f}' for t in builds)} s)"
    )
    say(
        f"The editor's check (dev.py check): median {statistics.median(checks):.2f} s of {len(checks)} ({', '.join(f'{t:.2f}' for t in checks)} s)"
    )
    say(f'Default test run, pytest -m "not browser and not online": {test_time:.1f} s ({test_summary})')
    say(f"Load average at the end: {os.getloadavg()[0]:.1f}")
    misses = {p or "index": r.misses() for p, r in results.items() if r.misses()}
    for page, missed in firsttap.misses(taps).items():
        misses.setdefault(page, []).extend(missed)
    if ratio["FCP"] > FCP_RATIO_TARGET:
        misses["FCP ratio to stock"] = [f"{ratio['FCP']:.2f}"]
    say()
    say(
        "Targets: Lighthouse 100 in every category, FCP ≤ 1.0 s, LCP ≤ 1.2 s, TBT ≤ 50 ms, CLS 0, "
        f"≤ {kb(BYTE_BUDGET)} and ≤ {REQUEST_BUDGET} requests, FCP ≤ {FCP_RATIO_TARGET} × stock, "
        f"first tap ≤ {firsttap.TARGET_MS} ms."
    )
    if misses:
        say("Missed:")
        for name, what in misses.items():
            say(f"  {name}: {', '.join(what)}")
    else:
        say("Every page meets every target.")
    (REPORTS.parent / "audit.md").write_text("\n".join(out) + "\n", encoding="utf-8")
    print(
        f"\nJSON reports in {REPORTS.relative_to(ROOT)}/, this summary in {(REPORTS.parent / 'audit.md').relative_to(ROOT)}"
    )
    return 0
