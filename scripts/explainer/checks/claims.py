"""Claim discipline on the built pages: every footnoted paragraph, list item
or table row carries one of the four status labels (a list whose items all
share one carries it once, before the list), each label leads to the key
that says what it means, and every quotation names its speaker. The rules
read the HTML any engine produces; problems name the Markdown line."""

from __future__ import annotations

import re
import unicodedata

from ..model.html import content_root
from ..model.language import STATUS_KINDS, status_labels, status_meanings, strings
from ..model.pages import Page
from ..model.problems import Problem, at

# Curly and guillemet quotations; straight double quotes count too.
QUOTATION = re.compile(r"“[^”]+”|«[^»]+»|\"[^\"]+\"")
BLOCKS = ["p", "li", "td", "dd", "blockquote", "figcaption"]


def claim_container(el):
    """The paragraph, list item, table row or definition a footnote belongs to."""
    for parent in el.parents:
        if parent.name in ("li", "tr", "dd", "dt", "figcaption", "blockquote"):
            return parent
        if parent.name == "p" and not parent.find_parent(["li", "dd", "blockquote"]):
            return parent
    return None


def text_of(el) -> str:
    return " ".join(el.get_text(" ", strip=True).split())


def where_in(page: Page, el) -> str:
    """`docs/…md:LINE` of the block `el` of the built page."""
    return at(page.where, page.line_of_text(text_of(el)))


def check_status_labels(soup, page: Page, claims: bool) -> list[Problem]:
    """Labels are one of the edition's four; when `claims` (a content page),
    every footnoted paragraph, item or row carries one."""
    labels = status_labels(page.lang)
    body = content_root(soup)
    written = f"**{labels[1]}**{{ .status }}"
    problems = []
    for el in body.select(".status"):
        text = el.get_text(strip=True)
        if el.name not in ("strong", "a") and not el.find_parent(class_="status-key"):  # a link once labelled
            problems.append(
                Problem(
                    page.at("{ .status }", text),
                    f"status label '{text}' is not written in bold, so it is neither drawn nor linked as a label",
                    f"write it between double asterisks, as {written}",
                )
            )
        elif text not in labels and unicodedata.normalize("NFC", text) in labels:
            problems.append(
                Problem(
                    page.at(f"**{text}**"),
                    f"status label '{text}' has its accent typed as a separate mark, so it is not the label it looks like",
                    f"retype the word (or copy {unicodedata.normalize('NFC', text)} from another label)",
                )
            )
        elif text not in labels:
            problems.append(
                Problem(
                    page.at(f"**{text}**"),
                    f"status label '{text}' is not one of {', '.join(labels)}",
                    f"use one of those four words, as {written}",
                )
            )
    if not claims:
        return problems
    seen = set()
    for ref in body.select("sup[id^='fnref'] a, a.footnote-ref"):
        box = claim_container(ref)
        if box is None or id(box) in seen or box.find_parent(class_="footnote"):
            continue
        seen.add(id(box))
        if not box.select(".status") and not carried_once(box):
            snippet = text_of(box)[:70]
            problems.append(
                Problem(
                    where_in(page, box),
                    f"claim without a status label: “{snippet}…”",
                    f"start it with one of {', '.join(labels)}, written as {written}",
                )
            )
    return problems


def carried_once(item) -> bool:
    """Whether `item` is an item of a list whose label is carried once, in
    the line before the list (build/labels.py)."""
    if item.name != "li" or item.parent is None:
        return False
    before = item.parent.find_previous_sibling()
    return bool(before and "status-all" in (before.get("class") or []) and before.select(".status"))


def check_status_key(soup, page: Page) -> list[Problem]:
    """A page with status labels has the key to them, as extra.i18n words
    it, and each label leads to its meaning there; the About page's section
    on labels is that key."""
    body = content_root(soup)
    labels = [a for a in body.select("a.status") if not a.find_parent(class_="status-key")]
    key = body.select_one(".status-key")
    fix = "scripts/explainer/build/labels.py writes it after the build from extra.i18n in mkdocs.yml; rebuild"
    if key is None:
        if page.slug == "about.md":
            return [
                Problem(
                    page.at("status-key"),
                    "the About page has no key to the status labels",
                    f'keep <div class="status-key"></div> in its section on labels; {fix}',
                )
            ]
        if labels or body.select("strong.status"):
            return [Problem(page.where, "the page's status labels have no key saying what they mean", fix)]
        return []
    problems = []
    wanted = list(zip(STATUS_KINDS, status_labels(page.lang), status_meanings(page.lang), strict=True))
    for kind, label, meaning in wanted:
        entry = key.find(id=f"status-{kind}")
        shown = (
            (entry.dt.get_text(strip=True), entry.dd.get_text(" ", strip=True))
            if entry and entry.dt and entry.dd
            else None
        )
        if shown != (label, meaning):
            problems.append(
                Problem(
                    page.where, f"the key says {shown} for '{label}', not extra.i18n's ({label!r}, {meaning!r})", fix
                )
            )
    if key.select_one(".status-key__title").get_text(strip=True) != strings(page.lang)["status_key"]:
        problems.append(Problem(page.where, "the key's title is not extra.i18n's status_key", fix))
    for a in labels:
        if a.get("href") != f"#status-{_kind(a)}":
            problems.append(
                Problem(
                    page.at(f"**{a.get_text(strip=True)}**"),
                    f"the label '{a.get_text(strip=True)}' links to {a.get('href')!r}, not to its meaning in the key",
                    fix,
                )
            )
    return problems


def _kind(label) -> str | None:
    return next((c.removeprefix("status--") for c in label.get("class", []) if c.startswith("status--")), None)


def speaker_names(people_soup) -> set[str]:
    """Names a quotation may be attributed to: every capitalised word of three
    or more letters in the who's-who headings (Putin, Kim, Stoltenberg, KCNA…)."""
    names = set()
    for heading in content_root(people_soup).find_all(["h2", "h3"]):
        for word in re.findall(r"[^\W\d_][\w’'-]{2,}", heading.get_text(" ", strip=True)):
            if word[0].isupper():
                names.add(word)
    return names


def check_quotations(soup, names: set[str], page: Page) -> list[Problem]:
    """Every quotation has its speaker, one of `names`, named in the same
    paragraph, list item, cell or block quote."""
    problems = []
    body = content_root(soup)
    for block in body.find_all(BLOCKS):
        if block.find(BLOCKS[:5]):  # judge the innermost blocks
            continue
        text = block.get_text(" ", strip=True)
        quotes = QUOTATION.findall(text) + [q.get_text(strip=True) for q in block.find_all("q")]
        if not quotes:
            continue
        outside = QUOTATION.sub(" ", text)
        quote_block = block.find_parent("blockquote")
        context = outside + " " + (quote_block.get_text(" ") if quote_block else "")
        if not any(re.search(rf"\b{re.escape(name)}\b", context) for name in names):
            problems.append(
                Problem(
                    where_in(page, block),
                    f"quotation {quotes[0][:60]} has no speaker named in its paragraph",
                    "name who said it in the same paragraph, as they appear in the who's-who page",
                )
            )
    return problems
