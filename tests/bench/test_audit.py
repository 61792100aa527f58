"""The audit's pieces (the audit itself is a benchmark: `dev.py audit`)."""

from __future__ import annotations

import os

from explainer.bench.audit import median_row, row
from explainer.bench.lighthouse import CATEGORIES, Result
from explainer.bench.stock import stock_config
from explainer.model.config import load_config
from explainer.model.layout import ROOT


def test_audit_names_every_missed_target_with_the_target():
    def result(**figures):
        fields = {"fcp": 900, "lcp": 900, "tbt": 0, "cls": 0.0, "bytes": 50_000, "requests": 6} | figures
        return Result("p", dict.fromkeys(CATEGORIES, 100), **fields, tti=0, report=ROOT / "none.json")

    assert result().misses() == []
    slow = result(fcp=1230, lcp=1300, tbt=60, cls=0.01, bytes=62_000, requests=9)
    slow.scores["performance"] = 97
    assert slow.misses() == [
        "performance 97",
        "FCP 1.23 s (target ≤ 1.00 s)",
        "LCP 1.30 s (target ≤ 1.20 s)",
        "TBT 60 ms (target ≤ 50 ms)",
        "CLS 0.010 (target ≤ 0.000)",
        "Bytes 60.5 KB (target ≤ 60.0 KB)",
        "Req 9 (target ≤ 8)",
    ]
    assert row("p", slow)[1:] == ["97", "100", "100", "100", "1.23 s", "1.30 s", "60 ms", "0.010", "60.5 KB", "9"]
    assert median_row([result(), slow])[5:] == ["1.06 s", "1.10 s", "30 ms", "0.005", "54.7 KB", "7.5"]


def test_stock_reference_drops_every_customisation(tmp_path):
    ours = load_config("mkdocs.yml")
    stock = load_config(stock_config(tmp_path / "site"))
    assert "custom_dir" not in stock["theme"] and stock["theme"]["font"] is False
    for key in ("hooks", "extra_css", "extra_javascript"):
        assert key not in stock, f"the stock reference keeps {key}"
    assert stock["nav"] == ours["nav"] and stock["docs_dir"] == str(ROOT / ours["docs_dir"])
    assert (
        stock["markdown_extensions"] == ours["markdown_extensions"]
        and stock["theme"]["features"] == ours["theme"]["features"]
    )


def test_engines_table_puts_each_engines_weight_side_by_side(tmp_path):
    from explainer.bench.weights import engines_table

    for name, extra in (("a", ""), ("b", "<script src='../big.js'></script>")):
        (tmp_path / name / "page").mkdir(parents=True)
        (tmp_path / name / "page" / "index.html").write_text(f"<html><head>{extra}</head></html>", encoding="utf-8")
        (tmp_path / name / "big.js").write_bytes(os.urandom(70_000))
        (tmp_path / name / "favicon.ico").write_bytes(b"")
    rows = engines_table({"MkDocs": tmp_path / "a", "Zensical": tmp_path / "b"}, "/")
    assert rows[0] == "| Page | MkDocs | req | Zensical | req |"
    assert rows[2].startswith("| page/index.html | 0.1 KB | 2 | ") and rows[2].endswith(" | 3 |")
    assert rows[-1] == "Pages over the 60.0 KB budget: MkDocs 0, Zensical 1."


def test_first_tap_report_names_the_pages_over_target_and_the_stock_page():
    from explainer.bench.firsttap import Run, Tap, misses, summary

    def tap(inp, longest):
        return Tap(inp, longest, [Run(inp, longest, 1.1, 100.0)] * 3, 0)

    taps = {"": tap(72, 60), "people/": tap(112, 96), "stock treaty/": tap(80, 0)}
    lines = summary(taps)
    assert lines[0].startswith("The first tap, 100 ms after the first scroll (input to next paint, CPU slowed 4x")
    assert "median 92 ms, worst people/ 112 ms (target ≤ 100 ms on every page; over it: people/)" in lines[0]
    assert lines[1] == "Per page (ms, the tap / the longest task after the scroll): index 72/60, people/ 112/96"
    assert lines[2] == "Stock Material treaty/: first tap 80 ms, longest task after the scroll 0 ms."
    assert misses(taps) == {"people/": ["first tap 112 ms (target ≤ 100 ms)"]}


def test_first_tap_reads_the_main_threads_tasks_from_the_scroll_on():
    from explainer.bench.firsttap import Run, main_thread_tasks

    def task(ts, dur, tdur, tid=1):
        return {"name": "RunTask", "ph": "X", "pid": 1, "tid": tid, "ts": ts, "dur": dur, "tdur": tdur}

    wheel = {
        "name": "EventDispatch",
        "ph": "X",
        "pid": 1,
        "tid": 1,
        "ts": 10_000,
        "dur": 1,
        "args": {"data": {"type": "wheel"}},
    }
    trace = {
        "traceEvents": [
            task(1_000, 90_000, 80_000),
            wheel,
            task(12_000, 60_000, 50_000),
            task(12_000, 99_000, 1, tid=2),
        ]
    }
    assert main_thread_tasks(trace) == [(2.0, 60.0, 50.0)]
    assert main_thread_tasks({"traceEvents": [task(1, 2, 3)]}) == [], "no scroll, no tasks"
    assert not Run(40, 60, 1.2, 104.0).disturbed()
    assert Run(40, 60, 2.0, 100.0).disturbed(), "another process took the CPU away"
    assert Run(40, 60, 1.0, 150.0).disturbed(), "the tap came late"
