"""What every check returns: a problem an editor can act on."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One broken rule.

    where: the file to fix, as `docs/en/treaty.md:42` when the line is known
        (a Markdown page, a config, the registry), else the file alone.
    what: the field, link or element concerned, and the rule it breaks.
    fix: how to fix it, in words a first-time contributor understands.
    """

    where: str
    what: str
    fix: str

    def __str__(self) -> str:
        return f"{self.where}: {self.what}; {self.fix}"


def at(path: str, line: int | None) -> str:
    """`path:line`, or the path alone when the line is unknown."""
    return f"{path}:{line}" if line else path


def report(problems: list[Problem]) -> str:
    """One problem a line, as the checks and `dev.py check` print them."""
    return "\n".join(str(p) for p in problems)
