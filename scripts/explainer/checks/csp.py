"""The Content-Security-Policy on a built page: strict, and listing the hash
of exactly the inline scripts and styles the page has (build/csp.py writes it)."""

from __future__ import annotations

from ..build.csp import REFERRER, is_inline_script, policy, sha256
from ..model.html import scan
from ..model.problems import Problem

FIX = "it is added after the build by scripts/explainer/build/csp.py (the last of the post-build steps)"


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


def check_page(html: str, where: str) -> list[Problem]:
    """The page carries a policy that lets exactly its own inline scripts run."""
    tags = scan(html)
    metas = [
        t for t in tags if t.name == "meta" and (t.attrs.get("http-equiv") or "").lower() == "content-security-policy"
    ]
    if not metas:
        return [Problem(where, 'no <meta http-equiv="Content-Security-Policy">', FIX)]
    problems = []
    meta = metas[0]
    if len(metas) > 1:
        problems.append(
            Problem(where, f"{len(metas)} Content-Security-Policy metas; browsers enforce them all", "keep one; " + FIX)
        )
    if "head" not in meta.ancestors:
        problems.append(
            Problem(where, "the Content-Security-Policy meta is outside <head>, where browsers ignore it", FIX)
        )
    first_script = next((t for t in tags if t.name == "script"), None)
    if first_script is not None and first_script.start < meta.start:
        problems.append(
            Problem(
                where,
                "a <script> comes before the Content-Security-Policy meta, so it runs unchecked",
                "put the meta first in <head>; " + FIX,
            )
        )
    found = directives(meta.attrs.get("content") or "")
    for name, wanted in directives(policy(tags)).items():
        have = found.get(name)
        if have is None:
            problems.append(Problem(where, f"the Content-Security-Policy has no {name}", FIX))
            continue
        weak = [
            s
            for s in have
            if s.lower() in ("'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*", "http:", "https:", "data:")
            and s not in wanted
        ]
        if weak:
            problems.append(
                Problem(where, f"{name} allows {' '.join(weak)}", "remove it: the policy must stay strict; " + FIX)
            )
    script_src = found.get("script-src", [])
    style_src = found.get("style-src", [])
    for n, tag in enumerate(t for t in tags if is_inline_script(t)):
        if sha256(tag.text) not in script_src:
            problems.append(
                Problem(
                    where,
                    f"inline <script> #{n + 1} ({_snippet(tag.text)!r}) has no matching sha256 hash in script-src, so browsers block it",
                    "rebuild (the hashes are computed per page); " + FIX,
                )
            )
    for tag in tags:
        if tag.name == "style" and sha256(tag.text) not in style_src:
            problems.append(
                Problem(
                    where,
                    f"inline <style> ({_snippet(tag.text)!r}) has no matching sha256 hash in style-src",
                    "rebuild; " + FIX,
                )
            )
        if "style" in tag.attrs:
            problems.append(
                Problem(
                    where,
                    f'<{tag.name} style="{_snippet(tag.attrs["style"] or "")}">: the policy blocks style attributes',
                    "give the element a class and style it in docs/.overrides/assets/stylesheets/explainer.css",
                )
            )
        handlers = [a for a in tag.attrs if a.startswith("on")]
        if handlers:
            problems.append(
                Problem(
                    where,
                    f"<{tag.name} {handlers[0]}=…>: the policy blocks event-handler attributes",
                    "use no inline JavaScript; the site works without it",
                )
            )
        if (tag.attrs.get("href") or "").strip().lower().startswith("javascript:"):
            problems.append(
                Problem(
                    where,
                    f'<{tag.name} href="javascript:…">: the policy blocks javascript: URLs',
                    "link to a real address",
                )
            )
    referrer = [t for t in tags if t.name == "meta" and t.attrs.get("name") == "referrer"]
    if not referrer or referrer[0].attrs.get("content") != REFERRER:
        problems.append(Problem(where, f'no <meta name="referrer" content="{REFERRER}">', FIX))
    return problems
