"""The steps applied to the built site, after every edition is built, in
order. They work on plain files, whatever engine wrote them; a step that
cannot find what it works on raises context.StepError saying what is missing,
instead of doing nothing.

Each step is `step(site: Path, context: Context) -> None`.
"""

from __future__ import annotations

from pathlib import Path

from . import compilehint, csp, csstrim, htmlspace, labels, markup, sitemap, timeline, typography
from .context import Context
from .engines import Engine

STEPS = (
    # One sitemap for both editions, with hreflang alternates, and robots.txt.
    sitemap.step,
    # Readers: status labels that link to their meaning, and the key to them
    # (before the CSS trimming, which reads the markup it adds).
    labels.step,
    # Readers: the timeline's year markers and milestone tags, and its
    # stylesheet, linked from the pages that have a timeline only.
    timeline.step,
    # Speed: drop the rules of the theme's stylesheets that no page can match
    # (about 60% of them), minify ours, and collapse the templates'
    # indentation. csstrim reads the pages' classes and attributes; the markup
    # fixes below add none that the theme's CSS selects.
    csstrim.step,
    csstrim.minify_step,
    htmlspace.step,
    # Fixes to the theme's markup (valid HTML, focusable abbreviations, fewer
    # tooltips for the theme's script to set up).
    markup.step,
    # The table of contents keeps the headings' no-break spaces (French « ? »).
    typography.step,
    # Speed: a compile hint for the theme's script, which runs at the
    # reader's first activity.
    compilehint.step,
    # The Content-Security-Policy hashes each page's final inline scripts, so
    # it must stay the last step.
    csp.step,
)


def run(site: Path, *, preview: bool = False, engine: Engine) -> None:
    """Apply every step to the built `site`, in order."""
    context = Context(preview, engine)
    for step in STEPS:
        step(site, context)
