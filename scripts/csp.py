"""Post-build step: a strict Content-Security-Policy on every page.

GitHub Pages cannot send headers, so the policy goes in a
`<meta http-equiv="Content-Security-Policy">` at the top of each page's
<head>, before any script. Material's inline scripts differ from page to page
(they hold the path to the site root), so each page's policy lists the
sha256 hash of each of its own inline scripts: no 'unsafe-inline', no
'unsafe-eval'. Material's markup needs no inline styles (its scripts set
styles through the DOM, which a policy does not restrict), so styles are
'self' plus the hash of any inline <style> element.

`check_page` is the same rule seen from the other side: the tests run it on
every built page. The step is left out of the live-reload preview, whose
server injects an inline script of its own.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import markup
import siterules

# Scripts with these types are data blocks: never run, so never in the policy.
SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
REFERRER = "no-referrer"  # the site has no use for it, and readers' choice of source stays private
CSP_META = re.compile(r'\s*<meta http-equiv="Content-Security-Policy"[^>]*>\s*<meta name="referrer"[^>]*>', re.I)
CHARSET = re.compile(r"<meta charset=[^>]*>", re.I)
HEAD = re.compile(r"<head(\s[^>]*)?>", re.I)
FIX = "it is added after the build by scripts/csp.py (registered last in scripts/postbuild.py STEPS)"


def sha256(text: str) -> str:
    # The browser hashes the element's text after newline normalisation.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def is_inline_script(tag: markup.Tag) -> bool:
    return tag.name == "script" and "src" not in tag.attrs and (tag.attrs.get("type") or "").strip().lower() in SCRIPT_TYPES


def policy(tags: list[markup.Tag]) -> str:
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
    tags = markup.scan(html)
    anchor = CHARSET.search(html) or HEAD.search(html)
    if anchor is None:
        return html  # not a page (a fragment or an error document)
    return html[: anchor.end()] + "\n  " + meta_tags(policy(tags)) + html[anchor.end() :]


def step(site: Path, preview: bool) -> None:
    if preview:
        return
    for path in markup.pages(site):
        html = path.read_text(encoding="utf-8")
        path.write_text(inject(html), encoding="utf-8")


# --------------------------------------------------------------------------
# The check (tests/test_csp.py runs it on every built page)
# --------------------------------------------------------------------------


def directives(csp: str) -> dict[str, list[str]]:
    out = {}
    for part in csp.split(";"):
        words = part.split()
        if words:
            out.setdefault(words[0].lower(), words[1:])
    return out


def _snippet(text: str) -> str:
    text = " ".join(text.split())
    return text[:60] + ("…" if len(text) > 60 else "")


def check_page(html: str, where: str) -> list[siterules.Problem]:
    """The page carries a policy that lets exactly its own inline scripts run."""
    P = siterules.Problem
    tags = markup.scan(html)
    metas = [t for t in tags if t.name == "meta" and (t.attrs.get("http-equiv") or "").lower() == "content-security-policy"]
    if not metas:
        return [P(where, "no <meta http-equiv=\"Content-Security-Policy\">", FIX)]
    problems = []
    meta = metas[0]
    if len(metas) > 1:
        problems.append(P(where, f"{len(metas)} Content-Security-Policy metas; browsers enforce them all", "keep one; " + FIX))
    if "head" not in meta.ancestors:
        problems.append(P(where, "the Content-Security-Policy meta is outside <head>, where browsers ignore it", FIX))
    first_script = next((t for t in tags if t.name == "script"), None)
    if first_script is not None and first_script.start < meta.start:
        problems.append(P(where, "a <script> comes before the Content-Security-Policy meta, so it runs unchecked", "put the meta first in <head>; " + FIX))
    found = directives(meta.attrs.get("content") or "")
    for name, wanted in directives(policy(tags)).items():
        have = found.get(name)
        if have is None:
            problems.append(P(where, f"the Content-Security-Policy has no {name}", FIX))
            continue
        weak = [s for s in have if s.lower() in ("'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*", "http:", "https:", "data:") and s not in wanted]
        if weak:
            problems.append(P(where, f"{name} allows {' '.join(weak)}", "remove it: the policy must stay strict; " + FIX))
    script_src = found.get("script-src", [])
    style_src = found.get("style-src", [])
    for n, tag in enumerate(t for t in tags if is_inline_script(t)):
        if sha256(tag.text) not in script_src:
            problems.append(
                P(where, f"inline <script> #{n + 1} ({_snippet(tag.text)!r}) has no matching sha256 hash in script-src, so browsers block it", "rebuild (the hashes are computed per page); " + FIX)
            )
    for tag in tags:
        if tag.name == "style" and sha256(tag.text) not in style_src:
            problems.append(P(where, f"inline <style> ({_snippet(tag.text)!r}) has no matching sha256 hash in style-src", "rebuild; " + FIX))
        if "style" in tag.attrs:
            problems.append(P(where, f"<{tag.name} style=\"{_snippet(tag.attrs['style'] or '')}\">: the policy blocks style attributes", "give the element a class and style it in docs/.overrides/assets/stylesheets/explainer.css"))
        handlers = [a for a in tag.attrs if a.startswith("on")]
        if handlers:
            problems.append(P(where, f"<{tag.name} {handlers[0]}=…>: the policy blocks event-handler attributes", "use no inline JavaScript; the site works without it"))
        if (tag.attrs.get("href") or "").strip().lower().startswith("javascript:"):
            problems.append(P(where, f"<{tag.name} href=\"javascript:…\">: the policy blocks javascript: URLs", "link to a real address"))
    referrer = [t for t in tags if t.name == "meta" and t.attrs.get("name") == "referrer"]
    if not referrer or referrer[0].attrs.get("content") != REFERRER:
        problems.append(P(where, f'no <meta name="referrer" content="{REFERRER}">', FIX))
    return problems
