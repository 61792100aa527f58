"""Steps applied to the built site, after every edition is built.

They work on plain HTML files, so they keep working whatever engine produced
the site. Each step is a function `step(site: Path, preview: bool)`; `preview`
is true for the live-reload server.
"""

from __future__ import annotations

from pathlib import Path

STEPS: list = []


def run(site: Path, *, preview: bool = False) -> None:
    for step in STEPS:
        step(site, preview)


# One sitemap for both editions (with hreflang alternates) and robots.txt.
import sitemap  # noqa: E402

STEPS.append(sitemap.step)

# Speed: drop the rules of Material's stylesheets that no page can match
# (csstrim.py: about 60% of them), the comments of ours, and the templates'
# indentation (htmlspace.py). csstrim reads the pages' classes and
# attributes; the markup fixes below add none that Material's CSS selects.
import csstrim  # noqa: E402
import htmlspace  # noqa: E402

STEPS.append(csstrim.step)
STEPS.append(csstrim.uncomment_step)
STEPS.append(htmlspace.step)

# Fixes to Material's markup (valid HTML, focusable abbreviations), then the
# Content-Security-Policy meta. The policy hashes each page's final inline
# scripts, so csp.step must stay the last step: register new steps above it.
import csp  # noqa: E402
import markup  # noqa: E402

STEPS.append(markup.step)
STEPS.append(csp.step)
