"""The engine's own warnings and errors, as problems an editor can act on.

MkDocs names a page by its path inside the edition ('about.md') and gives
no line. This turns each message it writes into a `Problem` at the
Markdown file and line (docs/en/about.md:12), in the same words as the
site's own rules, so that `build`, `check` and the preview all say it the
same way. A line it does not recognise is kept, prefixed with the edition.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..model.editions import Edition
from ..model.layout import rel
from ..model.pages import split_front_matter
from ..model.problems import Problem, at

LEVEL = re.compile(r"^(WARNING|ERROR)\s+-\s+(.*)$")
DOC_LINK = re.compile(r"Doc file '([^']+)' contains (?:a|an absolute|an unrecognized relative) link '([^']*)'")
NOT_FOUND = re.compile(r"but the target is not found among documentation files")
ANCHOR = re.compile(r"but the doc '([^']+)' does not contain an anchor '#([^']*)'")
ABSOLUTE = re.compile(r"contains an absolute link")
UNRECOGNIZED = re.compile(
    r"contains an unrecognized relative link '[^']*', it was left as is\.(?: Did you mean '([^']+)'\?)?"
)
NAV_OMITTED = re.compile(r'The following pages exist in the docs directory, but are not included in the "nav"')
NAV_MISSING = re.compile(r"A reference to '([^']+)' is included in the 'nav' configuration, which is not found")
READING = re.compile(r"Error reading page '([^']+)':\s*(.*)")
FRAME = re.compile(r'^\s*File "([^"]+)", line (\d+)')
EXCEPTION = re.compile(r"^([\w.]+(?:Error|Exception)): (.*)$")
RULE_LINE = re.compile(r"^(docs/[^\s:]+\.md(?::\d+)?): (.*?); (.*)$")


def _line(root: Path, ed: Edition, slug: str, *needles: str) -> str:
    path = ed.docs_dir(root) / slug
    where = rel(path, root)
    if not path.is_file():
        return where
    page, _ = split_front_matter(path, root=root)
    return page.at(*needles) if page else where


def _nav_line(root: Path, ed: Edition) -> str:
    lines = (root / ed.config).read_text(encoding="utf-8").splitlines()
    return at(ed.config, next((n for n, line in enumerate(lines, 1) if line.rstrip() == "nav:"), None))


def mkdocs_problems(log: str, ed: Edition, root: Path) -> list[Problem]:
    """Every warning and error of one edition's MkDocs log, as problems."""
    problems: list[Problem] = []
    lines = log.splitlines()
    for i, line in enumerate(lines):
        if RULE_LINE.match(line):  # a rule's own message, raised by the hook
            where, what, fix = RULE_LINE.match(line).groups()
            problems.append(Problem(where, what, fix))
            continue
        level = LEVEL.match(line)
        if not level:
            continue
        text = level.group(2).strip()
        if not text:
            continue
        link = DOC_LINK.search(text)
        if link:
            slug, target = link.groups()
            where = _line(root, ed, slug, f"]({target}", f"({target}", target)
            if NOT_FOUND.search(text):
                problems.append(
                    Problem(
                        where,
                        f"link {target} points to a page that does not exist",
                        "fix the link, or create the page it points to",
                    )
                )
            elif anchor := ANCHOR.search(text):
                there = f"{ed.docs}/{anchor.group(1)}"
                problems.append(
                    Problem(
                        where,
                        f"link {target} goes to #{anchor.group(2)}, but {there} has no heading with that anchor (was it renamed?)",
                        f"point the link at the heading's current anchor (the ¶ link next to it in {there}), or restore the heading",
                    )
                )
            elif ABSOLUTE.search(text):
                problems.append(
                    Problem(
                        where,
                        f"link {target} starts with '/', so it breaks when the site is published under a path",
                        "link to the page's Markdown file instead, e.g. [the pact](treaty.md)",
                    )
                )
            elif unknown := UNRECOGNIZED.search(text):
                better = f" ([text]({unknown.group(1)}))" if unknown.group(1) else ""
                problems.append(
                    Problem(
                        where,
                        f"link {target} does not point to a Markdown file",
                        f"link to the page's .md file{better}, which works in the preview, on GitHub and on the site",
                    )
                )
            else:
                problems.append(Problem(where, text, "fix the link"))
            continue
        if NAV_OMITTED.search(text):
            for extra in lines[i + 1 :]:
                if not extra.startswith("  - "):
                    break
                problems.append(
                    Problem(
                        f"{ed.docs}/{extra[4:].strip()}",
                        f"is not in the nav of {ed.config}",
                        "add it to the nav, or use `python3 scripts/dev.py new-page` next time",
                    )
                )
            continue
        if missing := NAV_MISSING.search(text):
            problems.append(
                Problem(
                    _nav_line(root, ed),
                    f"nav: '{missing.group(1)}' does not exist in {ed.docs}",
                    "fix the path or create the page",
                )
            )
            continue
        if reading := READING.search(text):
            detail = reading.group(2).strip()
            if detail:
                problems.append(
                    Problem(f"{ed.docs}/{reading.group(1)}", f"the page could not be read ({detail})", "fix it there")
                )
            continue
        problems.append(Problem(ed.config, f"the {ed.lang} build says: {text.rstrip('.')}", "it comes from MkDocs"))
    return problems


def crash_problem(log: str, root: Path) -> Problem | None:
    """The exception a failed build ended with, at the last file of the
    repository in its traceback (a template's line, say), or None."""
    lines = log.strip().splitlines()
    error = next((EXCEPTION.match(line.strip()) for line in reversed(lines) if EXCEPTION.match(line.strip())), None)
    if error is None:
        return None
    where = "the build"
    for line in lines:
        frame = FRAME.match(line)
        if frame and Path(frame.group(1)).resolve().is_relative_to(root.resolve()):
            where = at(rel(Path(frame.group(1)).resolve(), root.resolve()), int(frame.group(2)))
    kind = error.group(1).rsplit(".", 1)[-1]
    return Problem(
        where, f"the build stopped: {kind}: {error.group(2)}", "fix that line; the error names what is wrong"
    )
