"""`scripts/dev.py audit`: a performance benchmark, not a test.

It builds the site, serves it the way GitHub Pages does (gzip, under the
site_url path), runs Lighthouse (mobile, the default) on every page of every
edition and on the 404 page, and prints one row per page and the medians.
In the same run it builds the treaty page with a stock Material configuration
(the same pages, nav, features and Markdown, without our overrides, hooks and
CSS) and prints our figures as ratios of the stock ones. It also measures, in
Chromium with the CPU slowed 4 times, Material's start-up, which the pages
hold back until the reader's first activity and Lighthouse therefore never
sees; and it times a full build and the default test run. JSON reports go to
reports/ (git-ignored).
"""

from __future__ import annotations

import contextlib
import gzip
import http.server
import json
import mimetypes
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

import pageweight
import sitebuild
import siterules

ROOT = siterules.ROOT
REPORTS = ROOT / "reports" / "lighthouse"
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
BUILDS_TIMED = 3

# The targets every page must meet (bytes and requests are the budget test's).
TARGETS = {
    "fcp": 1000, "lcp": 1200, "tbt": 50, "cls": 0.0,
    "bytes": pageweight.BYTE_BUDGET, "requests": pageweight.REQUEST_BUDGET,
}
FCP_RATIO_TARGET = 0.75
# Each measured figure: its field, its column in the table, and how it prints.
METRICS = (
    ("fcp", "FCP", lambda v: f"{v / 1000:.2f} s"),
    ("lcp", "LCP", lambda v: f"{v / 1000:.2f} s"),
    ("tbt", "TBT", lambda v: f"{v:.0f} ms"),
    ("cls", "CLS", lambda v: f"{v:.3f}"),
    ("bytes", "Bytes", lambda v: pageweight.kb(int(v))),
    ("requests", "Req", lambda v: f"{v:g}"),
)
REFERENCE_PAGE = "treaty/"


# --------------------------------------------------------------------------
# A GitHub-Pages-like static server: gzip, the site under its path, 404.html
# --------------------------------------------------------------------------

GZIP_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


def make_server(folder: Path, mount: str) -> http.server.ThreadingHTTPServer:
    """Serve `folder` at http://127.0.0.1:<port><mount>, gzipping text like
    GitHub Pages does; unknown paths get the site's 404.html with status 404."""

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):  # quiet: Lighthouse makes many requests
            pass

        def do_HEAD(self):
            self.respond(head=True)

        def do_GET(self):
            self.respond(head=False)

        def respond(self, head: bool) -> None:
            path = unquote(urlsplit(self.path).path)
            if path + "/" == mount:
                self.send_response(301)
                self.send_header("Location", mount)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            target = None
            if path.startswith(mount):
                candidate = (folder / path[len(mount):]).resolve()
                if candidate.is_dir():
                    if not path.endswith("/"):
                        self.send_response(301)
                        self.send_header("Location", path + "/")
                        self.send_header("Content-Length", "0")
                        self.end_headers()
                        return
                    candidate = candidate / "index.html"
                if candidate.is_file() and candidate.is_relative_to(folder.resolve()):
                    target = candidate
            status = 200
            if target is None:
                status, target = 404, folder / "404.html"
            body = target.read_bytes()
            ctype = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
            if ctype.startswith("text/") or ctype in ("application/javascript", "application/json"):
                ctype += "; charset=utf-8"
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Cache-Control", "max-age=600")  # what GitHub Pages sends
            if ctype.startswith(GZIP_TYPES):
                self.send_header("Vary", "Accept-Encoding")
                if "gzip" in self.headers.get("Accept-Encoding", ""):
                    body = gzip.compress(body, compresslevel=pageweight.GZIP_LEVEL, mtime=0)
                    self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if not head:
                self.wfile.write(body)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    return server


@contextlib.contextmanager
def serving(folder: Path, mount: str):
    server = make_server(folder, mount)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{mount}"
    finally:
        server.shutdown()
        server.server_close()


# --------------------------------------------------------------------------
# The stock reference: the same pages with a default Material configuration
# --------------------------------------------------------------------------


def stock_config(dest: Path) -> Path:
    """Write a default-Material config for the English edition and return it.

    Kept: the pages, nav, Markdown extensions, features, palette toggle,
    language links and repository link (what the site offers). Removed: our
    template overrides (custom_dir), hooks, extra CSS/JS and every speed or
    accessibility customisation. `font: false` stays, because Google Fonts
    cannot load here; a stock site would also fetch them.
    """
    base = siterules.load_config("mkdocs.yml")
    theme = {k: v for k, v in base["theme"].items() if k in ("name", "language", "palette", "features", "icon")}
    theme["font"] = False
    config = {
        key: base[key]
        for key in ("site_name", "site_description", "site_url", "repo_name", "repo_url", "edit_uri", "copyright", "nav", "markdown_extensions")
        if key in base
    }
    extra = {k: v for k, v in (base.get("extra") or {}).items() if k == "alternate"}
    config.update(
        docs_dir=str(ROOT / base["docs_dir"]),
        site_dir=str(dest),
        theme=theme,
        plugins=base.get("plugins", ["search"]),
        extra=extra,
        strict=False,
    )
    # Markdown extensions take paths relative to the repository (mkdocs runs
    # there). siterules reads `!!python/name:…` tags as strings: tags again.
    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    path = dest.parent / "mkdocs.stock.yml"
    path.write_text(re.sub(r"'(!!python/[^']*)'", r"\1", text), encoding="utf-8")
    return path


def build_stock(dest: Path) -> None:
    config = stock_config(dest)
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--clean", "--config-file", str(config), "--site-dir", str(dest)],
        cwd=ROOT, env=sitebuild.BUILD_ENV, capture_output=True, text=True,
    )
    if done.returncode != 0:
        raise sitebuild.BuildError(f"the stock reference build failed:\n{done.stdout}{done.stderr}")


# --------------------------------------------------------------------------
# Lighthouse
# --------------------------------------------------------------------------


def find_chromium() -> str | None:
    """Chromium from CHROMIUM_PATH, else the first one on PATH."""
    env = os.environ.get("CHROMIUM_PATH")
    if env:
        return env if Path(env).is_file() else None
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


@dataclass
class Result:
    name: str
    scores: dict[str, int | None]
    fcp: float
    lcp: float
    tbt: float
    cls: float
    bytes: int
    requests: int
    tti: float
    report: Path

    def misses(self) -> list[str]:
        out = [f"{c} {s}" for c, s in self.scores.items() if s != 100]
        return out + [
            f"{label} {show(getattr(self, key))} (target ≤ {show(TARGETS[key])})" for key, label, show in METRICS if getattr(self, key) > TARGETS[key]
        ]


def lighthouse(url: str, out: Path, chrome: str) -> Result:
    out.parent.mkdir(parents=True, exist_ok=True)
    cmd = [
        str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
        f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={' '.join(CHROME_FLAGS)}",
    ]
    done = subprocess.run(cmd, env={**os.environ, "CHROME_PATH": chrome}, capture_output=True, text=True)
    if done.returncode != 0 or not out.is_file():
        raise RuntimeError(f"Lighthouse failed on {url}:\n{done.stdout}{done.stderr}")
    lhr = json.loads(out.read_text(encoding="utf-8"))
    if lhr.get("runtimeError"):
        raise RuntimeError(f"Lighthouse could not audit {url}: {lhr['runtimeError'].get('message')}")
    audits = lhr["audits"]
    requests = [r for r in audits["network-requests"]["details"]["items"] if not r["url"].startswith("data:")]

    def score(cat: str) -> int | None:
        value = lhr["categories"][cat]["score"]
        return None if value is None else round(value * 100)

    return Result(
        name=url,
        scores={c: score(c) for c in CATEGORIES},
        fcp=audits["first-contentful-paint"]["numericValue"],
        lcp=audits["largest-contentful-paint"]["numericValue"],
        tbt=audits["total-blocking-time"]["numericValue"],
        cls=audits["cumulative-layout-shift"]["numericValue"],
        bytes=int(audits["total-byte-weight"]["numericValue"]),
        requests=len(requests),
        tti=audits["interactive"]["numericValue"],
        report=out,
    )


def median_run(url: str, out: Path, chrome: str, runs: int) -> Result:
    """Run Lighthouse `runs` times and keep the median run the way Lighthouse
    itself picks one: the run closest to the median FCP and the median TTI."""
    results = [lighthouse(url, out.with_name(f"{out.stem}.run{i + 1}.json") if runs > 1 else out, chrome) for i in range(runs)]
    fcp = statistics.median(r.fcp for r in results) or 1
    tti = statistics.median(r.tti for r in results) or 1
    best = min(results, key=lambda r: ((r.fcp - fcp) / fcp) ** 2 + ((r.tti - tti) / tti) ** 2)
    if runs > 1:
        shutil.copyfile(best.report, out)
        best.report = out
    return best


# --------------------------------------------------------------------------
# What the first activity costs
# --------------------------------------------------------------------------

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
        browser = pw.chromium.launch(executable_path=chrome, args=[f for f in CHROME_FLAGS if not f.startswith("--headless")])
        try:
            for page_path in pages:
                longest = []
                for _ in range(runs):
                    context = browser.new_context(viewport={"width": 412, "height": 823}, is_mobile=True, has_touch=True)
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


# --------------------------------------------------------------------------
# Timings
# --------------------------------------------------------------------------


def time_builds(n: int = BUILDS_TIMED) -> list[float]:
    times = []
    with tempfile.TemporaryDirectory(prefix="audit-build-") as tmp:
        for _ in range(n):
            start = time.perf_counter()
            sitebuild.build_site(Path(tmp) / "site")
            times.append(time.perf_counter() - start)
    return times


def time_tests() -> tuple[float, str]:
    """Time `pytest -m "not browser and not online"`; return (seconds, pytest's summary line)."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", "not browser and not online"],
        cwd=ROOT, env=sitebuild.BUILD_ENV, capture_output=True, text=True,
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
        return "| " + " | ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths))) + " |"

    sep = "|" + "|".join("-" * (w + 1) + (":" if i else "-") for i, w in enumerate(widths)) + "|"
    return "\n".join([line(HEADER), sep, *(line(r) for r in rows)])


def pages_to_audit(site: Path) -> list[str]:
    """Site paths of every page of every edition, then the 404 page.

    Only the root 404.html: GitHub Pages serves it for every missing address
    (fr/404.html is never served). It is audited at its own address, since
    Lighthouse refuses to score a document answered with status 404."""
    pages = [siterules.rel(p, site) for p in siterules.html_pages(site)]
    named = [p.removesuffix("index.html") for p in pages if not p.endswith("404.html")]
    return sorted(named, key=lambda p: (p.startswith("fr/"), p)) + (["404.html"] if "404.html" in pages else [])


def chromium_version(chrome: str) -> str:
    done = subprocess.run([chrome, "--version"], capture_output=True, text=True)
    return done.stdout.strip() or chrome


def lighthouse_version() -> str:
    package = ROOT / "node_modules" / "lighthouse" / "package.json"
    return json.loads(package.read_text())["version"] if package.is_file() else "?"


def main(args) -> int:
    runs = max(1, int(getattr(args, "runs", 1) or 1))
    chrome = find_chromium()
    if not chrome:
        print("audit: Chromium not found; install it (Debian: apt install chromium) or set CHROMIUM_PATH.", file=sys.stderr)
        return 1
    if not LIGHTHOUSE.exists():
        print("audit: node_modules/.bin/lighthouse is missing; run `npm ci`.", file=sys.stderr)
        return 1
    mount = siterules.site_prefix(siterules.load_config("mkdocs.yml"))[1]
    site = ROOT / "site"

    print("Building the site into site/ …", flush=True)
    try:
        sitebuild.build_site(site)
    except sitebuild.BuildError as err:
        print(err, file=sys.stderr)
        return 1
    shutil.rmtree(REPORTS, ignore_errors=True)
    REPORTS.mkdir(parents=True)

    pages = pages_to_audit(site)
    out: list[str] = []

    def say(line: str = "") -> None:
        print(line, flush=True)
        out.append(line)

    say(f"Lighthouse {lighthouse_version()}, mobile (its default: simulated 4x CPU, slow 4G), {chromium_version(chrome)}, "
        f"{runs} run(s) a page (the median run kept); load average at start {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    results: dict[str, Result] = {}
    with serving(site, mount) as origin:
        say(f"Serving site/ at {origin} with gzip, as GitHub Pages does")
        for page in pages:
            name = page.strip("/").replace("/", "_").removesuffix(".html") or "index"
            results[page] = median_run(origin + page, REPORTS / f"{name}.json", chrome, runs)
            print(f"  {page or '(home)'}: {', '.join(results[page].misses()) or 'every target met'}", flush=True)

        print("Measuring Material's start-up at the first activity …", flush=True)
        activity = first_activity(origin, pages, chrome, runs)

    with tempfile.TemporaryDirectory(prefix="audit-stock-") as tmp:
        stock_site = Path(tmp) / "site"
        print("Building the stock-Material reference …", flush=True)
        build_stock(stock_site)
        with serving(stock_site, mount) as origin:
            stock = median_run(origin + REFERENCE_PAGE, REPORTS / "stock-treaty.json", chrome, runs)

    print("Timing full builds and the default test run …", flush=True)
    builds = time_builds()
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
    say(f"Ours/stock on {REFERENCE_PAGE}: FCP {ratio['FCP']:.2f} (target ≤ {FCP_RATIO_TARGET}), TBT {ratio['TBT']:.2f}, bytes {ratio['bytes']:.2f}")
    worst = max(activity, key=activity.get)
    say()
    say("Material's start-up, which the pages hold back until the reader's first activity (Lighthouse never acts,")
    say(f"so it is not in the table): the longest main-thread task after a first pointer move, CPU slowed 4x: median "
        f"{statistics.median(activity.values()):.0f} ms, longest on {worst or 'index'} ({activity[worst]:.0f} ms).")
    say("Per page: " + ", ".join(f"{p or 'index'} {t:.0f}" for p, t in activity.items()) + " (ms)")
    say()
    say(f"Full build of both editions: median {statistics.median(builds):.2f} s of {len(builds)} ({', '.join(f'{t:.2f}' for t in builds)} s)")
    say(f'Default test run, pytest -m "not browser and not online": {test_time:.1f} s ({test_summary})')
    say(f"Load average at the end: {os.getloadavg()[0]:.1f}")
    misses = {p or "index": r.misses() for p, r in results.items() if r.misses()}
    if ratio["FCP"] > FCP_RATIO_TARGET:
        misses["FCP ratio to stock"] = [f"{ratio['FCP']:.2f}"]
    say()
    say("Targets: Lighthouse 100 in every category, FCP ≤ 1.0 s, LCP ≤ 1.2 s, TBT ≤ 50 ms, CLS 0, "
        f"≤ {pageweight.kb(pageweight.BYTE_BUDGET)} and ≤ {pageweight.REQUEST_BUDGET} requests, FCP ≤ {FCP_RATIO_TARGET} × stock.")
    if misses:
        say("Missed:")
        for name, what in misses.items():
            say(f"  {name}: {', '.join(what)}")
    else:
        say("Every page meets every target.")
    (REPORTS.parent / "audit.md").write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"\nJSON reports in {REPORTS.relative_to(ROOT)}/, this summary in {(REPORTS.parent / 'audit.md').relative_to(ROOT)}")
    return 0
