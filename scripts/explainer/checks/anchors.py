"""Heading anchors: every heading of a built page has an anchor made of its
own words, in whatever script it is written (build/slugs.py makes them), so
that a link to a section says where it goes and two sections never share
an anchor."""

from __future__ import annotations

import re

from ..model.html import content_root
from ..model.pages import Page
from ..model.problems import Problem
from .claims import text_of, where_in

HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]
WORD = re.compile(r"[^\W_]")  # a letter or digit, in any script
COUNTER = re.compile(r"_\d+$")  # what the toc appends to tell equal anchors apart


def check_heading_anchors(soup, page: Page) -> list[Problem]:
    """Problems of the headings whose anchor has none of their words (`#-`,
    `#_1`): the text lost its letters on the way to the anchor."""
    problems = []
    for heading in content_root(soup).find_all(HEADINGS, id=True):
        anchor = heading["id"]
        if not WORD.search(COUNTER.sub("", anchor)):
            problems.append(
                Problem(
                    where_in(page, heading),
                    f"the heading '{text_of(heading).rstrip('¶ ')}' has the anchor #{anchor}, which keeps none of its words",
                    "set toc's slugify to explainer.build.slugs.slugify in the edition's config (mkdocs.yml), "
                    "or give the heading an anchor of its own: ## Heading { #my-anchor }",
                )
            )
    return problems
