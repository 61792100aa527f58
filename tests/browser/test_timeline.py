"""The timeline as a reader on a 320 px phone gets it (build/timeline.py and
the timeline section of explainer.css): no sideways scroll, each date in its
own column, entries in date order with a status label and a footnote each,
the treaty's milestones and the article tagged in words and marked by a
shape of their own, and year markers that screen readers skip. Each check
runs on both editions, then on pages broken on purpose."""

from __future__ import annotations

import re

import pytest

from explainer.build.timeline import KINDS
from explainer.checks.timeline import date_range
from explainer.model.language import strings

from .checks import assert_works, change_css, change_page

pytestmark = pytest.mark.browser

PHONE = 320  # px: the narrowest phone the timeline must fit
EDITIONS = [("timeline/", "en"), ("fr/timeline/", "fr")]
CSS = "the timeline section of docs/.overrides/assets/stylesheets/explainer.css"

READ_JS = """() => {
  const seen = (el) => !!el && el.checkVisibility({visibilityProperty: true, opacityProperty: true});
  const box = (el) => el.getBoundingClientRect();
  // Where text shows, overflowing its box or not.
  const ink = (el) => { const r = document.createRange(); r.selectNodeContents(el); return r.getBoundingClientRect(); };
  const mark = (li) => { const s = getComputedStyle(li, "::after");
    return s.content === "none" ? null : [s.width, s.height, s.borderRadius].join(" "); };
  const entries = [...document.querySelectorAll("article .timeline li")].map((li) => {
    const date = li.querySelector(":scope > strong:first-of-type");
    const label = li.querySelector(".status");
    const tag = li.querySelector(".tl-tag");
    return {
      text: [...li.childNodes].filter((n) => !(n.classList && n.classList.contains("tl-year")))
        .map((n) => n.textContent).join("").replace(/\\s+/g, " ").trim().slice(0, 50),
      html: li.outerHTML.slice(0, 100),
      left: box(li).left, right: box(li).right, wide: li.scrollWidth > li.clientWidth + 1,
      date: date && date.textContent.trim(), dateInk: date && [ink(date).left, ink(date).right],
      line: box(li).left + parseFloat(getComputedStyle(li, "::before").left),
      label: seen(label), note: seen(li.querySelector("a.footnote-ref")),
      kinds: [...li.classList].filter((c) => c.startsWith("milestone--")).map((c) => c.slice(11)),
      tag: tag && seen(tag) ? tag.textContent : null, mark: mark(li),
    };
  });
  const years = [...document.querySelectorAll("article .timeline .tl-year")].map((y) =>
    ({text: y.textContent, hidden: y.closest("[aria-hidden=true]") !== null, seen: seen(y)}));
  const lists = [...document.querySelectorAll("article .timeline :is(ul, ol)")].map((l) => l.getAttribute("role"));
  const doc = document.scrollingElement;
  return {scroll: doc.scrollWidth, width: doc.clientWidth, entries, years, lists};
}"""


def read_timeline(page, server, path: str) -> dict:
    page.set_viewport_size({"width": PHONE, "height": 740})
    page.goto(server.url(path))
    return page.evaluate(READ_JS)


def layout_problems(found: dict, where: str) -> list[str]:
    """No sideways scroll, no entry wider than the screen, dates in their column."""
    problems = []
    if found["scroll"] > found["width"]:
        problems.append(
            f"{where}: the page is {found['scroll']} px wide on a {found['width']} px screen, so readers must scroll sideways; "
            f"let the timeline wrap in {CSS}"
        )
    for n, entry in enumerate(found["entries"], 1):
        if entry["left"] < 0 or entry["right"] > found["width"] + 1 or entry["wide"]:
            problems.append(
                f"{where}: timeline entry {n} (“{entry['text']}…”) spans {entry['left']:.0f}–{entry['right']:.0f} px, "
                f"wider than the {found['width']} px screen: {entry['html']}; let it wrap in {CSS}"
            )
        ink = entry["dateInk"]
        if ink and not (entry["left"] - 1 <= ink[0] and ink[1] < entry["line"]):
            problems.append(
                f"{where}: timeline entry {n} (“{entry['text']}…”): its date spans {ink[0]:.0f}–{ink[1]:.0f} px, out of "
                f"its own column ({entry['left']:.0f}–{entry['line']:.0f} px, left of the line); widen --tl-date in {CSS}"
            )
    return problems


def entry_problems(found: dict, where: str, lang: str) -> list[str]:
    """Entries in date order, each with a visible status label and footnote."""
    problems = []
    previous = None
    if not found["entries"]:
        return [f"{where}: no timeline entry (article .timeline li) on the page"]
    for n, entry in enumerate(found["entries"], 1):
        name = f"{where}: timeline entry {n} (“{entry['text']}…”)"
        dates = date_range(entry["date"] or "", lang)
        if dates is None:
            problems.append(f"{name} shows no date the timeline can read ({entry['date']!r}) at its start")
        elif previous and dates[1] < previous[0]:
            problems.append(
                f"{name} is out of date order: it comes after an entry of {previous[0].isoformat()}; entries run "
                "from oldest to newest (`python3 scripts/dev.py check` names the Markdown line of one out of place)"
            )
        previous = dates or previous
        for part, shown in (("status label", entry["label"]), ("footnote", entry["note"])):
            if not shown:
                problems.append(
                    f"{name} shows no {part}; every entry has one (the timeline rule checks the Markdown), so if the "
                    f"page has it, {CSS} or a build step hides it"
                )
    return problems


def milestone_problems(found: dict, where: str, lang: str) -> list[str]:
    """Each kind of milestone is there, with its tag in words and a mark
    shaped unlike an ordinary entry's; the lists keep their role; the year
    markers are shown and hidden from screen readers."""
    problems = []
    words = strings(lang)["timeline"]
    plain = {e["mark"] for e in found["entries"] if not e["kinds"]}
    for kind in KINDS:
        marked = [e for e in found["entries"] if kind in e["kinds"]]
        if not marked:
            problems.append(
                f"{where}: no timeline entry is marked {kind} (li.milestone--{kind}); its date is written "
                f"**…**{{ .{kind} }} in the page, and build/timeline.py marks it"
            )
        for entry in marked:
            if entry["tag"] != words[kind]:
                problems.append(
                    f"{where}: the {kind} entry “{entry['text']}…” shows "
                    + (f"the tag {entry['tag']!r}" if entry["tag"] else "no tag")
                    + f", not {words[kind]!r}; "
                    "a milestone is told apart in words, not by colour alone (build/timeline.py)"
                )
            if entry["mark"] is None or entry["mark"] in plain:
                problems.append(
                    f"{where}: the {kind} entry “{entry['text']}…” has the mark of an ordinary entry ({entry['mark']}); "
                    f"give milestones a mark of their own shape in {CSS}"
                )
    if any(role != "list" for role in found["lists"]):
        problems.append(
            f'{where}: a timeline list has lost role="list" (roles: {found["lists"]}); build/timeline.py sets it'
        )
    if not found["years"]:
        problems.append(f"{where}: the timeline shows no year marker (.tl-year)")
    for year in found["years"]:
        if not year["hidden"]:
            problems.append(
                f"{where}: the year marker {year['text']} is read out by screen readers; it repeats the dates, "
                'so it must be aria-hidden="true" (build/timeline.py)'
            )
        if not year["seen"]:
            problems.append(f"{where}: the year marker {year['text']} is not shown; see {CSS}")
    return problems


def timeline_problems(page, server, path: str, lang: str) -> list[str]:
    found = read_timeline(page, server, path)
    where = f"/{path} at {PHONE} px"
    return layout_problems(found, where) + entry_problems(found, where, lang) + milestone_problems(found, where, lang)


# --------------------------------------------------------------------------
# On the real pages
# --------------------------------------------------------------------------


@pytest.mark.parametrize(("path", "lang"), EDITIONS)
def test_timeline_works_on_a_phone(reader, server, path, lang):
    _, page, checks = reader
    assert_works(timeline_problems(page, server, path, lang), page, checks)


# --------------------------------------------------------------------------
# On pages broken on purpose
# --------------------------------------------------------------------------


def entries_swapped(html: str) -> str:
    """The page with its second and third timeline entries swapped."""
    start = html.index('<div class="timeline">')
    second, third = list(re.finditer(r"<li[ >].*?</li>\n", html[start:], re.S))[1:3]
    return html[: start + second.start()] + third[0] + second[0] + html[start + third.end() :]


def first_entry(change):
    """Apply `change` to the first timeline entry only."""

    def apply(html: str) -> str:
        at = html.index('<div class="timeline">')
        end = html.index("</li>", at)
        return html[:at] + change(html[at:end]) + html[end:]

    return apply


def problems_of(reader, server, path="timeline/", lang="en") -> str:
    _, page, _ = reader
    return "\n".join(timeline_problems(page, server, path, lang))


def test_wide_entry_is_reported(reader, server):
    change_css(reader[0], ".md-typeset .timeline ul > li:nth-child(2) { min-width: 30rem; }")
    found = problems_of(reader, server)
    assert "/timeline/ at 320 px: the page is" in found and "so readers must scroll sideways" in found
    assert re.search(
        r"/timeline/ at 320 px: timeline entry 2 \(“[^”]+”\) spans \d+–\d+ px, wider than the 320 px screen", found
    )


def test_date_out_of_its_column_is_reported(reader, server):
    change_css(reader[0], ".md-typeset .timeline li > strong:first-of-type { width: 10em; }", "timeline.css")
    assert re.search(
        r"/timeline/ at 320 px: timeline entry 1 \(“6 July 1961[^”]*”\): its date spans -?\d+–\d+ px, out of its own column \(16–\d+ px, left of the line\)",
        problems_of(reader, server),
    )


def test_entry_out_of_order_is_reported(reader, server):
    change_page(reader[0], server, "fr/timeline/", entries_swapped)
    assert re.search(
        r"/fr/timeline/ at 320 px: timeline entry 3 \(“[^”]*9 février 2000[^”]*”\) is out of date order: it comes after an entry of 2000-07-19",
        problems_of(reader, server, "fr/timeline/", "fr"),
    )


def test_entry_without_footnote_or_label_is_reported(reader, server):
    change_page(
        reader[0],
        server,
        "timeline/",
        first_entry(lambda html: re.sub(r'<sup[^>]*>.*?</sup>|<a class="status[^>]*>[^<]*</a>', "", html)),
    )
    found = problems_of(reader, server)
    assert re.search(r"/timeline/ at 320 px: timeline entry 1 \(“6 July 1961[^”]*”\) shows no status label", found)
    assert re.search(r"/timeline/ at 320 px: timeline entry 1 \(“6 July 1961[^”]*”\) shows no footnote", found)


def test_hidden_footnote_is_reported(reader, server):
    change_css(reader[0], ".md-typeset .timeline .footnote-ref { display: none; }")
    found = problems_of(reader, server)
    assert re.search(r"/timeline/ at 320 px: timeline entry 1 \(“6 July 1961[^”]*”\) shows no footnote", found)
    assert "shows no status label" not in found


def test_milestone_without_tag_or_shape_is_reported(reader, server):
    change_page(reader[0], server, "timeline/", lambda html: re.sub(r'<span class="tl-tag">[^<]*</span>', "", html))
    change_css(
        reader[0], ".md-typeset .timeline ul > li.milestone::after { width: .6em; height: .6em; border-radius: 50%; }"
    )
    found = problems_of(reader, server)
    assert "/timeline/ at 320 px: the signed entry “19 June 2024" in found
    assert "shows no tag, not 'Treaty signed'; a milestone is told apart in words, not by colour alone" in found
    assert "/timeline/ at 320 px: the in-force entry “4 December 2024" in found
    assert "has the mark of an ordinary entry" in found and "give milestones a mark of their own shape" in found


def test_missing_milestone_is_reported(reader, server):
    change_page(reader[0], server, "fr/timeline/", lambda html: html.replace("milestone--ratified", "milestone"))
    assert "/fr/timeline/ at 320 px: no timeline entry is marked ratified (li.milestone--ratified)" in problems_of(
        reader, server, "fr/timeline/", "fr"
    )


def test_year_marker_read_out_is_reported(reader, server):
    change_page(
        reader[0],
        server,
        "timeline/",
        lambda html: html.replace('<span class="tl-year" aria-hidden="true">', '<span class="tl-year">').replace(
            ' role="list"', "", 1
        ),
    )
    found = problems_of(reader, server)
    assert (
        '/timeline/ at 320 px: the year marker 1961 is read out by screen readers; it repeats the dates, so it must be aria-hidden="true"'
        in found
    )
    assert "/timeline/ at 320 px: a timeline list has lost role=\"list\" (roles: [None, 'list'])" in found
