"""pre-commit hooks: local, through the same entry point as people and CI
(scripts/dev.py), so they need nothing beyond the project's own set-up."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
import yaml

from explainer.model.layout import ROOT

PRE_COMMIT = ROOT / ".pre-commit-config.yaml"


def hook_problems(config: dict, name: str = ".pre-commit-config.yaml") -> list[str]:
    """Hooks run scripts/dev.py on the machine's own set-up: no hook
    repository to download, no second copy of the tools."""
    problems = []
    for repo in config.get("repos") or []:
        if repo.get("repo") != "local":
            problems.append(
                f"{name}: repo {repo.get('repo')!r} is downloaded by pre-commit; use repo: local hooks that call scripts/dev.py"
            )
            continue
        for hook in repo.get("hooks") or []:
            if hook.get("language") != "system":
                problems.append(
                    f"{name}: hook '{hook.get('id')}' has language {hook.get('language')!r}; use language: system"
                )
            if not str(hook.get("entry", "")).startswith("python3 scripts/dev.py "):
                problems.append(
                    f"{name}: hook '{hook.get('id')}' runs {hook.get('entry')!r}; run checks through python3 scripts/dev.py"
                )
            if hook.get("pass_filenames") is not False:
                problems.append(
                    f"{name}: hook '{hook.get('id')}' passes file names to pytest; add pass_filenames: false"
                )
    return problems


def test_pre_commit_hooks_use_dev_py():
    problems = hook_problems(yaml.safe_load(PRE_COMMIT.read_text(encoding="utf-8")))
    assert not problems, "\n".join(problems)


def test_hook_rule_catches_a_downloaded_or_foreign_hook():
    config = {
        "repos": [
            {
                "repo": "https://github.com/pre-commit/pre-commit-hooks",
                "rev": "v5.0.0",
                "hooks": [{"id": "trailing-whitespace"}],
            },
            {"repo": "local", "hooks": [{"id": "tests", "entry": "pytest", "language": "python"}]},
        ]
    }
    msg = "\n".join(hook_problems(config))
    assert "repo 'https://github.com/pre-commit/pre-commit-hooks' is downloaded by pre-commit" in msg
    assert "hook 'tests' has language 'python'; use language: system" in msg
    assert "hook 'tests' runs 'pytest'; run checks through python3 scripts/dev.py" in msg
    assert "hook 'tests' passes file names to pytest" in msg


@pytest.mark.parametrize(
    "hook",
    [h for r in yaml.safe_load(PRE_COMMIT.read_text(encoding="utf-8"))["repos"] for h in r["hooks"]],
    ids=lambda h: h["id"],
)
def test_pre_commit_hook_commands_select_tests(hook):
    """Each hook's command line is accepted by dev.py and selects some tests."""
    import shlex

    argv = shlex.split(hook["entry"])
    done = subprocess.run(
        [sys.executable, *argv[1:], "--collect-only", "-q"], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, (
        f".pre-commit-config.yaml: hook '{hook['id']}' fails to start:\n{done.stdout[-2000:]}{done.stderr[-2000:]}"
    )
    # "-q" twice prints "file.py: N" per file; once, "N tests collected".
    per_file = sum(int(n) for n in re.findall(r"^\S+\.py: (\d+)$", done.stdout, re.M))
    assert per_file or re.search(r"[1-9]\d*(/\d+)? tests? collected", done.stdout), (
        f"hook '{hook['id']}' selects no tests:\n{done.stdout[-2000:]}"
    )
