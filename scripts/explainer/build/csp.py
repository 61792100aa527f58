"""Post-build step: a strict Content-Security-Policy on every page.

GitHub Pages cannot send headers, so the policy goes in a
`<meta http-equiv="Content-Security-Policy">` at the top of each page's
<head>, before any script. Material's inline scripts differ from page to page
(they hold the path to the site root), so each page's policy lists the
sha256 hash of each of its own inline scripts: no 'unsafe-inline', no
'unsafe-eval'. Material's markup needs no inline styles (its scripts set
styles through the DOM, which a policy does not restrict), so styles are
'self' plus the hash of any inline <style> element.

checks/csp.py is the same rule seen from the other side: the tests run it on
every built page. The step is left out of the live-reload preview, whose
server injects an inline script of its own.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from ..model.html import Tag, rewrite_pages, scan
from .context import Context

# Scripts with these types are data blocks: never run, so never in the policy.
SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
REFERRER = "no-referrer"  # the site has no use for it, and readers' choice of source stays private
CSP_META = re.compile(r'\s*<meta http-equiv="Content-Security-Policy"[^>]*>\s*<meta name="referrer"[^>]*>', re.I)
CHARSET = re.compile(r"<meta charset=[^>]*>", re.I)
HEAD = re.compile(r"<head(\s[^>]*)?>", re.I)


def sha256(text: str) -> str:
    # The browser hashes the element's text after newline normalisation.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def is_inline_script(tag: Tag) -> bool:
    return (
        tag.name == "script"
        and "src" not in tag.attrs
        and (tag.attrs.get("type") or "").strip().lower() in SCRIPT_TYPES
    )


def policy(tags: list[Tag]) -> str:
    """The policy for a page, from its tags."""
    scripts = sorted({sha256(t.text) for t in tags if is_inline_script(t)})
    styles = sorted({sha256(t.text) for t in tags if t.name == "style"})
    directives = [
        "default-src 'self'",
        " ".join(["script-src 'self'", *scripts]),
        " ".join(["style-src 'self'", *styles]),
        "img-src 'self' data:",  # Material's icons are data: SVGs in its CSS
        "connect-src 'self'",  # the search index
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
    return "; ".join(directives)


def meta_tags(csp: str) -> str:
    return f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n  <meta name="referrer" content="{REFERRER}">'


def inject(html: str) -> str:
    """The page with its policy (replacing any earlier one) at the top of <head>."""
    html = CSP_META.sub("", html, count=1)
    tags = scan(html)
    anchor = CHARSET.search(html) or HEAD.search(html)
    if anchor is None:
        return html  # not a page (a fragment or an error document)
    return html[: anchor.end()] + "\n  " + meta_tags(policy(tags)) + html[anchor.end() :]


def step(site: Path, context: Context) -> None:
    if context.preview:
        return
    rewrite_pages(site, inject)
