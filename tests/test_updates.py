"""Keeping the pins fresh: Dependabot's weekly, grouped update pull
requests (.github/dependabot.yml), and every action pinned to a commit SHA
with the release it belongs to, which Dependabot updates together."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from explainer.model.layout import ROOT

DEPENDABOT = ROOT / ".github" / "dependabot.yml"
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
# What the repository has to keep up to date, by Dependabot ecosystem.
ECOSYSTEMS = {
    "pip": ["pyproject.toml"],
    "npm": ["package.json", "package-lock.json"],
    "github-actions": [".github/workflows/ci.yml"],
}

USES = re.compile(r"^\s*(?:-\s+)?uses:\s*(\S+)(.*)$", re.M)
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")
VERSION_COMMENT = re.compile(r"^\s+#\s*v\d+\.\d+\.\d+\b")


def dependabot_problems(config: dict, name: str = ".github/dependabot.yml") -> list[str]:
    """Version 2; each ecosystem the repository uses, at its root, weekly, with
    every update of the week in one group."""
    problems = []
    if config.get("version") != 2:
        problems.append(f"{name}: 'version' is {config.get('version')!r}; write version: 2")
    entries = {u.get("package-ecosystem"): u for u in config.get("updates") or []}
    for ecosystem in ECOSYSTEMS:
        update = entries.get(ecosystem)
        if update is None:
            problems.append(f"{name}: no update entry for {ecosystem}; add one so its pins are kept fresh")
            continue
        if update.get("directory") != "/":
            problems.append(f"{name}: {ecosystem} looks in {update.get('directory')!r}; its files are at the root, '/'")
        if (update.get("schedule") or {}).get("interval") != "weekly":
            problems.append(f"{name}: {ecosystem} is not updated weekly; write schedule: {{interval: weekly}}")
        groups = update.get("groups") or {}
        if not any("*" in (g.get("patterns") or []) for g in groups.values()):
            problems.append(f"{name}: {ecosystem} has no group with patterns ['*']; group the week's updates in one PR")
    return problems


def test_dependabot_keeps_every_ecosystem_fresh():
    for files in ECOSYSTEMS.values():
        assert all((ROOT / f).is_file() for f in files), f"expected {files} in the repository"
    problems = dependabot_problems(yaml.safe_load(DEPENDABOT.read_text(encoding="utf-8")))
    assert not problems, "\n".join(problems)


def test_dependabot_rule_catches_a_loose_config():
    config = {
        "version": 1,
        "updates": [{"package-ecosystem": "npm", "directory": "/docs", "schedule": {"interval": "daily"}}],
    }
    msg = "\n".join(dependabot_problems(config, "d.yml"))
    assert "d.yml: 'version' is 1; write version: 2" in msg
    assert "d.yml: no update entry for pip" in msg and "d.yml: no update entry for github-actions" in msg
    assert "d.yml: npm looks in '/docs'" in msg and "d.yml: npm is not updated weekly" in msg
    assert "d.yml: npm has no group with patterns ['*']" in msg


def pin_problems(text: str, name: str) -> list[str]:
    """Every action is pinned to a full commit SHA and says which release it is."""
    problems = []
    for match in USES.finditer(text):
        ref, rest = match.groups()
        line = text[: match.start(1)].count("\n") + 1
        if ref.startswith("./"):
            continue
        if not PINNED.match(ref):
            problems.append(
                f"{name}:{line}: {ref} is not pinned to a full 40-character commit SHA; write owner/repo@<sha> # vX.Y.Z"
            )
        elif not VERSION_COMMENT.match(rest):
            problems.append(
                f"{name}:{line}: {ref} has no '# vX.Y.Z' comment; add the release the SHA belongs to, so updates can be reviewed"
            )
    return problems


@pytest.mark.parametrize("path", WORKFLOWS, ids=[p.name for p in WORKFLOWS])
def test_actions_are_pinned_by_sha_with_version(path: Path):
    text = path.read_text(encoding="utf-8")
    assert USES.search(text), f"{path.name}: no `uses:` found, so nothing was checked"
    problems = pin_problems(text, path.name)
    assert not problems, "\n".join(problems)


def test_pin_rule_catches_tags_and_missing_comments():
    text = (
        "      - uses: actions/checkout@v4\n"
        "      - uses: actions/cache@5a3ec84eff668545956fd18022155c47e93e2684\n"
        "      - uses: actions/setup-node@49933ea # v4.4.0\n"
        "      - uses: actions/setup-python@a26af69be951a213d495a4c3e4e4022e16d87065 # v5.6.0\n"
        "        uses: actions/cache@5a3ec84eff668545956fd18022155c47e93e2684 # v4\n"
    )
    msg = "\n".join(pin_problems(text, "bad.yml"))
    assert "bad.yml:1: actions/checkout@v4 is not pinned to a full 40-character commit SHA" in msg
    assert "bad.yml:2: actions/cache@5a3ec84eff668545956fd18022155c47e93e2684 has no '# vX.Y.Z' comment" in msg
    assert "bad.yml:3: actions/setup-node@49933ea is not pinned" in msg
    assert "bad.yml:5: actions/cache@5a3ec84eff668545956fd18022155c47e93e2684 has no '# vX.Y.Z' comment" in msg
    assert "setup-python" not in msg
