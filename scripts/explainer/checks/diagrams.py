"""Inline SVG diagrams: accessible, scaled to any screen, and running no code."""

from __future__ import annotations

import re

from ..model.html import content_root
from ..model.pages import Page
from ..model.problems import Problem

VIEWBOX = re.compile(r"^ *-?[0-9.]+([ ,\t\n]+-?[0-9.]+){3} *$")  # ASCII only: a typographic space breaks it
THEME_ICONS = ["md-icon", "twemoji", "md-content__button"]


def check_diagrams(soup, page: Page) -> list[Problem]:
    """Every content <svg> has role="img", is labelled by its own <title> and
    <desc>, has a plain viewBox, and holds no script or style attribute."""
    problems = []
    diagrams = [svg for svg in content_root(soup).find_all("svg") if not svg.find_parent(class_=THEME_ICONS)]
    for number, svg in enumerate(diagrams, 1):
        label = f"diagram {number}"
        where = page.at(f'aria-labelledby="{svg.get("aria-labelledby")}"', "<svg")
        if svg.get("role") != "img":
            problems.append(
                Problem(
                    where,
                    f'{label}: <svg> lacks role="img"',
                    'add role="img" so screen readers announce it as one image',
                )
            )
        ids = (svg.get("aria-labelledby") or "").split()
        named = {el.name for el in svg.find_all(id=True) if el["id"] in ids}
        if not {"title", "desc"} <= named:
            problems.append(
                Problem(
                    where,
                    f"{label}: aria-labelledby must point to the diagram's own <title> and <desc>",
                    "give both an id and list the two ids in aria-labelledby",
                )
            )
        viewbox = svg.get("viewBox") or svg.get("viewbox")
        if not VIEWBOX.match(viewbox or ""):
            problems.append(
                Problem(
                    where,
                    f"{label}: viewBox is {viewbox!r}, not four numbers",
                    'write viewBox="0 0 WIDTH HEIGHT" with plain digits and spaces',
                )
            )
        if svg.find("script") or svg.find(attrs={"style": True}) or svg.get("style"):
            problems.append(
                Problem(
                    where,
                    f"{label}: contains a script or a style attribute",
                    'use presentation attributes such as fill="currentColor"; the Content-Security-Policy blocks the rest',
                )
            )
    return problems
