"""Page weight under each engine: what a reader downloads on a first view of
each page when the site is built with MkDocs (published) and with Zensical
(the second engine), counted as the budget test counts it."""

from __future__ import annotations

import statistics
from pathlib import Path

from ..checks.budget import BYTE_BUDGET, kb, page_weight
from ..model.html import html_pages
from ..model.layout import rel


def weights(site: Path, base_path: str) -> dict[str, tuple[int, int]]:
    """{page: (bytes, requests)} for every HTML page of a built site."""
    out = {}
    for page in html_pages(site):
        weight = page_weight(page, site, base_path)
        out[rel(page, site)] = (weight.bytes, weight.requests)
    return out


def engines_table(sites: dict[str, Path], base_path: str) -> list[str]:
    """A Markdown table with one row per page and two columns per engine
    (weight, requests), then the medians; pages missing from an engine's
    build show a dash."""
    counted = {name: weights(site, base_path) for name, site in sites.items()}
    pages = sorted(set().union(*counted.values()), key=lambda p: (p.startswith("fr/"), p))
    header = "| Page | " + " | ".join(f"{name} | req" for name in sites) + " |"
    rows = [header, "|---|" + "---:|---:|" * len(sites)]
    for page in pages:
        cells = []
        for name in sites:
            bytes_, requests = counted[name].get(page, (None, None))
            cells += ["–", "–"] if bytes_ is None else [kb(bytes_), str(requests)]
        rows.append(f"| {page} | " + " | ".join(cells) + " |")
    medians = []
    for name in sites:
        values = list(counted[name].values())
        medians += [kb(int(statistics.median(b for b, _ in values))), f"{statistics.median(r for _, r in values):g}"]
    rows.append("| median | " + " | ".join(medians) + " |")
    over = {name: sum(b > BYTE_BUDGET for b, _ in counted[name].values()) for name in sites}
    rows.append("")
    rows.append(
        "Pages over the " + kb(BYTE_BUDGET) + " budget: " + ", ".join(f"{name} {n}" for name, n in over.items()) + "."
    )
    return rows
