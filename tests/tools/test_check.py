"""`dev.py check` (tools/check.py): every mistake an editor commonly makes
fails it, named by docs/…md:LINE, each once, and nothing but the problems
and a summary is printed."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from explainer.model.layout import ROOT
from explainer.tools.check import check
from tests.support import add_before_footnotes, edit, line_of

# A 1×1 PNG: small, so that only its alt text is wrong.
PIXEL = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cf00000301010018dd8db00000000049454e44ae426082"
)


def key(problem) -> tuple[str, str]:
    return problem.where.split(":")[0], problem.what


@pytest.fixture(scope="module")
def already(tmp_path_factory) -> set:
    """Problems the working tree has before any test breaks a copy of it (an
    editor's page in progress, say): they are not the tests' to report."""
    from tests.conftest import copy_repository

    return {key(p) for p in check(copy_repository(tmp_path_factory.mktemp("as-is") / "repo"), slow=False).problems}


def new(result, already: set) -> list:
    return [p for p in result.problems if key(p) not in already]


@pytest.fixture(scope="module")
def six_mistakes(tmp_path_factory, already):
    """A copy of the repository with the six mistakes outside editors make
    most, and what check says about it."""
    from tests.conftest import copy_repository

    root = copy_repository(tmp_path_factory.mktemp("six") / "repo")
    lines = {}
    treaty = root / "docs/en/treaty.md"
    # 1. A paragraph added to the English page only, citing a source the page already cites.
    label, refs = re.search(
        r"^(\*\*\w+\*\*\{ \.status \}).*?((?:\[\^[^\]]+\])+)\s*$", treaty.read_text(), re.M
    ).groups()
    lines["parity"] = add_before_footnotes(treaty, f"{label} The two leaders also visited a university that day.{refs}")
    # 2. A factual sentence with no footnote and no status label.
    reactions = root / "docs/en/western-reactions.md"
    lines["unsourced"] = add_before_footnotes(reactions, "South Korea summoned the Russian ambassador the next day.")
    # 3. A bare web address in the text.
    views = root / "docs/fr/expert-views.md"
    sourced = re.search(r"^\*\*.*?(?=\[\^)", views.read_text(), re.M).group(0)
    edit(views, sourced, sourced + " (voir https://www.nknews.org/2024/06/putin-kim-treaty)")
    lines["url"] = line_of(views, "https://www.nknews.org")
    # 4. An image with empty alt text.
    (root / "docs/en/pixel.png").write_bytes(PIXEL)
    timeline = root / "docs/en/timeline.md"
    lines["image"] = add_before_footnotes(timeline, "![](pixel.png)")
    # 5. A TODO, and a lorem-ipsum placeholder.
    glossary = root / "docs/en/glossary.md"
    lines["todo"] = add_before_footnotes(glossary, "TODO: define strategic partnership.")
    people = root / "docs/fr/people.md"
    lines["lorem"] = add_before_footnotes(people, "Lorem ipsum dolor sit amet.")
    # 6. A French page whose title was left in English.
    french = root / "docs/fr/western-reactions.md"
    english_title = re.search(r"^title: (.*)$", reactions.read_text(), re.M).group(1)
    french_title = re.search(r"^title: (.*)$", french.read_text(), re.M).group(1)
    edit(french, f"title: {french_title}", f"title: {english_title}")
    lines["title"] = (english_title, line_of(french, "title:"), line_of(reactions, "title:"))
    result = check(root, slow=False)
    result.problems = new(result, already)
    return result, lines


def found(result, start: str) -> str:
    hits = [str(p) for p in result.problems if str(p).startswith(start)]
    assert len(hits) == 1, f"expected one problem starting {start!r}, got {hits}:\n" + "\n".join(
        map(str, result.problems)
    )
    return hits[0]


def test_paragraph_in_one_edition_only(six_mistakes):
    result, lines = six_mistakes
    msg = found(result, f"docs/en/treaty.md:{lines['parity']}: paragraph (")
    assert "“The two leaders also visited" in msg
    assert "has no counterpart in docs/fr/treaty.md; both editions must say the same things: add its French " in msg


def test_sentence_without_footnote_or_label(six_mistakes):
    result, lines = six_mistakes
    msg = found(result, f"docs/en/western-reactions.md:{lines['unsourced']}: ")
    assert msg.startswith(
        f"docs/en/western-reactions.md:{lines['unsourced']}: paragraph with no footnote and no status label: "
        "“South Korea summoned the Russian ambassador the next day.”; every factual sentence needs a source: "
    )


def test_bare_url(six_mistakes):
    result, lines = six_mistakes
    msg = found(result, f"docs/fr/expert-views.md:{lines['url']}: bare web address ")
    assert "https://www.nknews.org/2024/06/putin-kim-treaty in the text; readers cannot follow it" in msg


def test_image_without_alt_text(six_mistakes):
    result, lines = six_mistakes
    assert found(result, f"docs/en/timeline.md:{lines['image']}: ") == (
        f"docs/en/timeline.md:{lines['image']}: image pixel.png has no alt text; readers who cannot see it get "
        "nothing; describe what the image shows in a short sentence, written as ![A map of … ](file.png) or "
        '<img alt="A map of …">'
    )


def test_todo_and_lorem_ipsum(six_mistakes):
    result, lines = six_mistakes
    todo = found(result, f"docs/en/glossary.md:{lines['todo']}: ")
    lorem = found(result, f"docs/fr/people.md:{lines['lorem']}: ")
    assert todo.startswith(f"docs/en/glossary.md:{lines['todo']}: placeholder text “TODO” is still in the page; ")
    assert lorem.startswith(f"docs/fr/people.md:{lines['lorem']}: placeholder text “Lorem ipsum” is still in the page")


def test_french_title_left_in_english(six_mistakes):
    result, lines = six_mistakes
    title, line, english_line = lines["title"]
    assert found(result, f"docs/fr/western-reactions.md:{line}: ").startswith(
        f"docs/fr/western-reactions.md:{line}: the title “{title}” is the same as in "
        f"docs/en/western-reactions.md:{english_line}: it was left in English; translate it into French"
    )


def test_nothing_else_is_reported(six_mistakes):
    """One problem a mistake: no cascade."""
    result, _ = six_mistakes
    assert len(result.problems) == 7, "\n".join(map(str, result.problems))
    assert result.built
    assert result.summary().startswith("7 problems in 7 files (checked ")


def test_broken_front_matter_is_reported_once(scratch):
    """Not also as a missing page, a missing date, or a build failure."""
    edit(scratch / "docs/fr/treaty.md", "reviewed: ", "reviewed: [")
    edit(scratch / "docs/en/timeline.md", "reviewed: 20", "reviewed: 30")
    result = check(scratch, slow=False)
    assert [p.where for p in result.problems] == ["docs/en/timeline.md:4", "docs/fr/treaty.md:4"], "\n".join(
        map(str, result.problems)
    )
    assert (
        "front matter: 'reviewed' is 30" in result.problems[0].what
        and "which is in the future" in result.problems[0].what
    )
    assert result.problems[1].what.startswith("front matter is not valid YAML")


def test_broken_links_name_their_line_once(scratch, already):
    page = scratch / "docs/en/about.md"
    line = add_before_footnotes(page, "See [the pact](treaty.md#no-such-heading) and [nothing](no-such-page.md).")
    problems = new(check(scratch, slow=False), already)
    assert [p.where for p in problems] == [f"docs/en/about.md:{line}"] * 2, "\n".join(map(str, problems))
    text = "\n".join(map(str, problems))
    assert "no-such-heading" in text and "no-such-page" in text


def test_a_failed_build_reports_its_error_and_runs_no_site_rule(scratch):
    template = scratch / "docs/.overrides/main.html"
    edit(template, "{% block", "{% block broken %}{% if %}{% endblock %}\n{% block", 1)
    assert line_of(template, "{% block broken") == 13
    result = check(scratch, slow=False)
    assert not result.built
    text = "\n".join(map(str, result.problems))
    assert "mkdocs.yml: the en edition did not build" in text and "mkdocs.fr.yml: the fr edition did not build" in text
    assert str(result.problems[0]) == (
        "docs/.overrides/main.html:13: the build stopped: TemplateSyntaxError: Expected an expression, got 'end of "
        "statement block'; fix that line; the error names what is wrong"
    ), text


def test_a_post_build_step_that_stops_is_reported_not_raised(scratch):
    (scratch / "docs/.overrides/assets/stylesheets/timeline.css").unlink()
    result = check(scratch, slow=False)
    assert not result.built
    text = "\n".join(map(str, result.problems))
    assert (
        "the build: a post-build step stopped: fr/timeline/index.html links the timeline's stylesheet "
        "../assets/stylesheets/timeline.css, which is not in the built site" in text
    ), text


def test_check_command_prints_only_problems_and_a_summary():
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts/dev.py"), "check"], capture_output=True, text=True, cwd=ROOT
    )
    *problems, summary = done.stdout.splitlines()
    assert done.returncode == (1 if problems else 0), done.stdout + done.stderr
    assert all(re.match(r"\S+: .+; .+", line) for line in problems), done.stdout
    left_out = "; not run: valid-html \\(slow: `check --all` runs it\\)"
    assert re.fullmatch(
        rf"(No problems: \d+ pages, \d+ sources, \d+ rules checked in [\d.]+ s|"
        rf"\d+ problems? in \d+ files? \(checked \d+ pages in [\d.]+ s){left_out}\)?",
        summary,
    ), summary
