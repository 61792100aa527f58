"""Footnotes: every factual sentence cites a registered source through one,
and the front matter's `sources` list matches what the footnotes cite."""

from __future__ import annotations

from ..model.editions import META_PAGES
from ..model.layout import REGISTRY_FILE, rel
from ..model.pages import FENCE, FOOTNOTE_DEF, FOOTNOTE_REF, Page, footnotes
from ..model.problems import Problem


def check_footnotes(page: Page, registry: dict[str, dict]) -> list[Problem]:
    """Footnotes used, defined, citing registered sources, and listed in `sources`."""
    body = FENCE.sub("", page.body)
    notes = footnotes(page)
    problems: list[Problem] = []
    if page.slug not in META_PAGES and not notes:
        problems.append(
            Problem(
                page.at(key="sources"),
                "has no footnotes, but every factual sentence needs one",
                "add a footnote such as [^1] after each claim and define it as [^1]: [Publisher](sources.md#source-id)",
            )
        )
    refs = set(FOOTNOTE_REF.findall(FOOTNOTE_DEF.sub("", body)))
    for label in sorted(refs - notes.keys()):
        problems.append(
            Problem(
                page.at(f"[^{label}]"),
                f"footnote [^{label}] is used but never defined",
                f"add a line '[^{label}]: [Publisher](sources.md#source-id)' at the end of the page",
            )
        )
    cited: set[str] = set()
    for label, ids in notes.items():
        where = page.at(f"[^{label}]:")
        if not ids:
            problems.append(
                Problem(
                    where,
                    f"footnote [^{label}] does not cite a registered source",
                    "link it to the source's entry, e.g. [Interfax](sources.md#interfax-in-force)",
                )
            )
        for sid in ids:
            cited.add(sid)
            if sid not in registry:
                problems.append(
                    Problem(
                        where,
                        f"footnote [^{label}] cites '{sid}', which is not in the source registry",
                        f"add the source to {rel(REGISTRY_FILE)} or fix the id",
                    )
                )
    listed = page.meta.get("sources")
    if isinstance(listed, list):
        where = page.at(key="sources")
        for sid in sorted(cited - set(listed)):
            problems.append(
                Problem(
                    where,
                    f"front matter: 'sources' lacks '{sid}', which a footnote cites",
                    f"add {sid} to the sources list",
                )
            )
        for sid in sorted(set(listed) - cited):
            if page.slug not in META_PAGES or notes:
                problems.append(
                    Problem(
                        where,
                        f"front matter: 'sources' lists '{sid}', but no footnote cites it",
                        "cite it in a footnote or remove it from the list",
                    )
                )
    return problems
