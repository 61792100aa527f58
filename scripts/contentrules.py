"""Claim discipline on the built pages: status labels, attributed quotations,
the prose the no-copying check reads, and accessible diagrams.

These rules read the HTML any engine produces; see siterules for the page,
front-matter and registry rules they build on.
"""

from __future__ import annotations

import re

from siterules import Problem


STATUS_LABELS = {
    "en": ("Stated", "Reported", "Analysis", "Confirmed"),
    "fr": ("Déclaré", "Rapporté", "Analyse", "Confirmé"),
}
# Curly and guillemet quotations; straight double quotes count too.
QUOTATION = re.compile(r"“[^”]+”|«[^»]+»|\"[^\"]+\"")



def content_root(soup):
    """The page's own content, without the theme around it."""
    return soup.select_one("article.md-content__inner") or soup


def claim_container(el):
    """The paragraph, list item, table row or definition a footnote belongs to."""
    for parent in el.parents:
        if parent.name in ("li", "tr", "dd", "dt", "figcaption", "blockquote"):
            return parent
        if parent.name == "p" and not parent.find_parent(["li", "dd", "blockquote"]):
            return parent
    return None


def check_status_labels(soup, lang: str, where: str, claims: bool) -> list[Problem]:
    """Labels are one of the edition's four; on claim pages every footnoted
    paragraph, item or row carries one."""
    labels = STATUS_LABELS[lang]
    body = content_root(soup)
    problems = []
    for el in body.select(".status"):
        text = el.get_text(strip=True)
        if text not in labels:
            problems.append(Problem(where, f"status label '{text}' is not one of {', '.join(labels)}", f"use one of those four words, as **{labels[1]}**{{ .status }}"))
    if not claims:
        return problems
    seen = set()
    for ref in body.select("sup[id^='fnref'] a, a.footnote-ref"):
        box = claim_container(ref)
        if box is None or id(box) in seen or box.find_parent(class_="footnote"):
            continue
        seen.add(id(box))
        if not box.select(".status"):
            snippet = " ".join(box.get_text(" ", strip=True).split())[:70]
            problems.append(
                Problem(
                    where,
                    f"claim without a status label: “{snippet}…”",
                    f"start it with one of {', '.join(labels)}, written as **{labels[1]}**{{ .status }}",
                )
            )
    return problems


def speaker_names(people_soup) -> set[str]:
    """Names a quotation may be attributed to: every word of three or more
    letters in the who's-who headings (Putin, Kim, Stoltenberg, KCNA…)."""
    names = set()
    for heading in content_root(people_soup).find_all(["h2", "h3"]):
        for word in re.findall(r"[^\W\d_][\w’'-]{2,}", heading.get_text(" ", strip=True)):
            if word[0].isupper():
                names.add(word)
    return names


def check_quotations(soup, names: set[str], where: str) -> list[Problem]:
    """Every quotation has its speaker named in the same paragraph."""
    problems = []
    body = content_root(soup)
    for block in body.find_all(["p", "li", "td", "dd", "blockquote", "figcaption"]):
        if block.find(["p", "li", "td", "dd", "blockquote"]):  # judge the innermost blocks
            continue
        text = block.get_text(" ", strip=True)
        quotes = QUOTATION.findall(text) + [q.get_text(strip=True) for q in block.find_all("q")]
        if not quotes:
            continue
        outside = QUOTATION.sub(" ", text)
        context = outside + " " + (block.find_parent("blockquote").get_text(" ") if block.find_parent("blockquote") else "")
        if not any(re.search(rf"\b{re.escape(name)}\b", context) for name in names):
            problems.append(
                Problem(
                    where,
                    f"quotation {quotes[0][:60]} has no speaker named in its paragraph",
                    "name who said it in the same paragraph, as they appear in the who's-who page",
                )
            )
    return problems


def prose_segments(soup) -> list[str]:
    """The page's text outside quotations, split at every quotation so that
    no run of words is stitched across one."""
    body = content_root(soup)
    for el in body.select("q, blockquote, .headerlink, script, style"):
        el.replace_with(" ¶ ")
    return re.split(f"{QUOTATION.pattern}|¶", body.get_text(" "))


# --------------------------------------------------------------------------
# Diagrams
# --------------------------------------------------------------------------

VIEWBOX = re.compile(r"^ *-?[0-9.]+([ ,\t\n]+-?[0-9.]+){3} *$")  # ASCII only: a typographic space breaks it


def check_diagrams(soup, where: str) -> list[Problem]:
    """Inline SVG diagrams are accessible, scale to any screen and run no code."""
    problems = []
    for number, svg in enumerate(content_root(soup).find_all("svg"), 1):
        if svg.find_parent(class_=["md-icon", "twemoji", "md-content__button"]):
            continue  # theme icons, not content
        label = f"diagram {number}"
        if svg.get("role") != "img":
            problems.append(Problem(where, f"{label}: <svg> lacks role=\"img\"", "add role=\"img\" so screen readers announce it as one image"))
        ids = (svg.get("aria-labelledby") or "").split()
        named = {el.name for el in svg.find_all(id=True) if el["id"] in ids}
        if not {"title", "desc"} <= named:
            problems.append(Problem(where, f"{label}: aria-labelledby must point to the diagram's own <title> and <desc>", "give both an id and list the two ids in aria-labelledby"))
        if not VIEWBOX.match(svg.get("viewBox") or svg.get("viewbox") or ""):
            problems.append(Problem(where, f"{label}: viewBox is {svg.get('viewBox') or svg.get('viewbox')!r}, not four numbers", "write viewBox=\"0 0 WIDTH HEIGHT\" with plain digits and spaces"))
        if svg.find("script") or svg.find(attrs={"style": True}) or svg.get("style"):
            problems.append(Problem(where, f"{label}: contains a script or a style attribute", "use presentation attributes such as fill=\"currentColor\"; the Content-Security-Policy blocks the rest"))
    return problems
