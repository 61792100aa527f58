"""What the markup fixes (build/markup.py) guarantee, checked on built pages."""

from __future__ import annotations

from ..build.markup import (
    abbreviations_to_focus,
    checkbox_autocomplete,
    empty_tabindex,
    hidden_labels,
    repeated_abbreviations,
    titled_links,
)
from ..model.html import scan
from ..model.problems import Problem

FIXED_BY = "scripts/explainer/build/markup.py"


def check_page(html: str, where: str) -> list[Problem]:
    """What `fix` guarantees, checked on a built page (tests/test_markup.py)."""
    how = f"{FIXED_BY} fixes it after the build; rebuild, or extend its fixes"
    tags = scan(html)
    problems = [
        Problem(
            where,
            f'<input id="{t.attrs.get("id")}" type=checkbox autocomplete>: HTML allows autocomplete only on text-like inputs',
            how,
        )
        for t in checkbox_autocomplete(tags)
    ]
    problems += [
        Problem(where, f'<{t.name} tabindex=""> (id {t.attrs.get("id")!r}): an empty tabindex is invalid HTML', how)
        for t in empty_tabindex(tags)
    ]
    problems += [
        Problem(
            where,
            f'<label for="{t.attrs["for"]}" aria-hidden>: HTML forbids aria-hidden on the label of a form control',
            how,
        )
        for t in hidden_labels(tags)
    ]
    problems += [
        Problem(
            where,
            "the header keeps a place for a repository widget (div.md-header__source); readers have no use for it",
            "keep docs/.overrides/partials/source.html empty, and build/markup.py drops the place",
        )
        for t in tags
        if "md-header__source" in (t.attrs.get("class") or "").split()
    ]
    problems += [
        Problem(
            where,
            f'<a class="{t.attrs.get("class")}" title="{t.attrs["title"]}">: Material sets up a tooltip for each such link when it starts, which slows its start-up; the title should be an aria-label',
            how,
        )
        for t in titled_links(tags)
    ]
    problems += [
        Problem(
            where,
            f'<abbr title="{t.attrs["title"]}"> repeats an abbreviation already explained in its section: each is a tooltip Material sets up when it starts',
            how,
        )
        for t in repeated_abbreviations(html, tags)
    ]
    first = abbreviations_to_focus(html, tags)
    for tag in first:
        if tag.attrs.get("tabindex") != "0":
            problems.append(
                Problem(
                    where,
                    f'<abbr title="{tag.attrs["title"]}">: the first occurrence of an abbreviation is not focusable, so keyboard readers never see its tooltip',
                    how,
                )
            )
    for tag in tags:
        if tag.name == "abbr" and "tabindex" in tag.attrs and tag not in first:
            problems.append(
                Problem(
                    where,
                    f'<abbr title="{tag.attrs.get("title")}" tabindex>: only the first occurrence outside links should be a tab stop',
                    how,
                )
            )
    return problems
