#!/usr/bin/env python3
"""The project's one task entry point, for people, pre-commit and CI alike.

    python3 scripts/dev.py serve       preview both editions with live reload
    python3 scripts/dev.py check       every content and link rule, only the problems
    python3 scripts/dev.py test        run every check (pytest)
    python3 scripts/dev.py build       strict build of every edition into site/

Run `python3 scripts/dev.py --help` for the full list. Each command first makes
sure `.venv` matches `requirements.lock`, creating or refreshing it as needed,
then runs itself inside it. Only the standard library is used before that.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
LOCK = ROOT / "requirements.lock"
NPM_LOCK = ROOT / "package-lock.json"
MIN_PYTHON = (3, 11, 5)  # pymdown-extensions 13 needs it


# --------------------------------------------------------------------------
# Bootstrap: standard library only
# --------------------------------------------------------------------------


def fail(message: str) -> None:
    print(f"dev.py: {message}", file=sys.stderr)
    raise SystemExit(1)


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def site_packages(python: Path) -> Path:
    done = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    )
    return Path(done.stdout.strip())


def ensure_venv() -> None:
    """Create or refresh .venv from the lock, then re-run inside it.

    The venv finds the project's package (scripts/explainer) through a .pth
    file, as an editable install would: pytest, the engines and every
    subprocess import it without touching sys.path."""
    if sys.version_info < MIN_PYTHON:
        fail(f"Python {'.'.join(map(str, MIN_PYTHON))} or newer is needed; this is {sys.version.split()[0]}.")
    stamp = VENV / ".lock-sha256"
    wanted = digest(LOCK)
    if not (venv_python().exists() and stamp.exists() and stamp.read_text().strip() == wanted):
        try:
            import ensurepip  # noqa: F401  (Debian splits it out with venv)
            import venv
        except ImportError:
            fail("Python's venv module is missing. On Debian or Ubuntu: sudo apt install python3-venv")
        print("dev.py: setting up .venv from requirements.lock …", file=sys.stderr)
        venv.EnvBuilder(with_pip=True, clear=VENV.exists()).create(VENV)
        pip = [str(venv_python()), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
        done = subprocess.run([*pip, "--require-hashes", "--no-deps", "-r", str(LOCK)])
        if done.returncode != 0:
            fail("installing the locked packages failed (see pip's message above).")
        (site_packages(venv_python()) / "explainer.pth").write_text(str(ROOT / "scripts") + "\n")
        stamp.write_text(wanted + "\n")
    if Path(sys.prefix).resolve() != VENV.resolve():
        os.execv(str(venv_python()), [str(venv_python()), __file__, *sys.argv[1:]])


def ensure_node_tools(required: bool) -> bool:
    """Install the pinned npm tools (axe-core, vnu-jar, Lighthouse) from package-lock.json."""
    if not NPM_LOCK.exists():
        return True
    npm = shutil.which("npm")
    if not npm:
        if required:
            fail("npm is needed for this command; install Node.js 20 or newer.")
        print("dev.py: npm not found; checks that need Node tools will say so.", file=sys.stderr)
        return False
    stamp = ROOT / "node_modules" / ".lock-sha256"
    wanted = digest(NPM_LOCK)
    if stamp.exists() and stamp.read_text().strip() == wanted:
        return True
    print("dev.py: installing Node tools from package-lock.json …", file=sys.stderr)
    done = subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=ROOT)
    if done.returncode != 0:
        fail("npm ci failed (see npm's message above).")
    stamp.write_text(wanted + "\n")
    return True


# --------------------------------------------------------------------------
# Commands: these run inside .venv
# --------------------------------------------------------------------------


def cmd_build(args) -> int:
    from explainer.build.engines import engine
    from explainer.build.site import BuildError, build_site
    from explainer.model.problems import report

    dest = ROOT / "site"
    chosen = engine(args.engine)
    try:
        log = build_site(dest, engine=chosen)
    except BuildError as err:
        # The engine's messages, naming docs/…md:LINE; its raw log when it gave none.
        print(report(chosen.problems(err.logs, ROOT, err.failed)) or err, file=sys.stderr)
        return 1
    warnings = [line for line in log.splitlines() if "WARNING" in line]
    print("\n".join(warnings) or f"Built every edition into {dest.relative_to(ROOT)}/ with no warnings.")
    return 1 if warnings else 0


def cmd_check(args) -> int:
    from explainer.tools import check

    return check.main(slow=args.all)


def cmd_serve(args) -> int:
    from explainer.tools import serve

    return serve.serve(args.host, args.port)


def cmd_test(args) -> int:
    ensure_node_tools(required=os.environ.get("CI") == "true")
    cmd = [sys.executable, "-m", "pytest"]
    if args.online:
        cmd += ["-m", "online", "-p", "no:cacheprovider"]
    return subprocess.call([*cmd, *args.pytest_args], cwd=ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def cmd_new_page(args) -> int:
    from explainer.tools import newpage

    try:
        created = newpage.create(args.slug, args.title)
    except newpage.PageError as err:
        print(f"dev.py new-page: {err}", file=sys.stderr)
        return 1
    for path in created:
        print(f"created {path}")
    print("Added to the nav of every edition. Write the description, then the page.")
    return 0


def cmd_sources(args) -> int:
    from explainer.tools import sourcespage

    changed = sourcespage.write_all()
    print("\n".join(f"updated {p}" for p in changed) or "The sources pages already match the registry.")
    return 0


def cmd_fingerprint(args) -> int:
    from explainer.tools import fingerprint

    for path in fingerprint.write(Path(args.article)):
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


def cmd_lint(args) -> int:
    from explainer.tools.lint import lint

    clean, report = lint(fix=args.fix)
    print(report or "ruff: no problems, and every file is formatted.")
    return 0 if clean else 1


def cmd_lock(args) -> int:
    uv = shutil.which("uv")
    if not uv:
        fail("refreshing the lock needs uv: pip install uv")
    return subprocess.call(
        [
            uv,
            "pip",
            "compile",
            "--universal",
            "--no-python-downloads",
            "--python-version",
            ".".join(map(str, MIN_PYTHON)),
            "--extra",
            "test",
            "--generate-hashes",
            "--no-emit-index-url",
            "--no-emit-find-links",
            "--custom-compile-command",
            "python3 scripts/dev.py lock",
            "-o",
            "requirements.lock",
            "pyproject.toml",
        ],
        cwd=ROOT,
    )


def cmd_audit(args) -> int:
    ensure_node_tools(required=True)
    from explainer.bench import audit

    return audit.main(args)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python3 scripts/dev.py", description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    s = sub.add_parser("serve", help="preview both editions with live reload and the problems on every page")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8000)
    s.set_defaults(func=cmd_serve)

    s = sub.add_parser("check", help="build, then run every content and link rule; print only the problems")
    s.add_argument(
        "--all", action="store_true", help="also run the slow rules (the Nu HTML validator, which needs Java)"
    )
    s.set_defaults(func=cmd_check)

    s = sub.add_parser("test", help="run every check; extra arguments go to pytest")
    s.add_argument("--online", action="store_true", help="check every external URL online (cached), nothing else")
    s.add_argument("pytest_args", nargs=argparse.REMAINDER)
    s.set_defaults(func=cmd_test)

    s = sub.add_parser("build", help="strict build of every edition into site/")
    s.add_argument(
        "--engine",
        default="mkdocs",
        choices=("mkdocs", "zensical"),
        help="the site engine (default: mkdocs, the published build)",
    )
    s.set_defaults(func=cmd_build)

    s = sub.add_parser(
        "new-page", help="create a page in every edition, with valid front matter, and add it to the navs"
    )
    s.add_argument("slug", help="file name without .md, e.g. sanctions")
    s.add_argument("--title", required=True, help="the English title (≤ 70 characters)")
    s.set_defaults(func=cmd_new_page)

    s = sub.add_parser("sources", help="rewrite the registry list on the sources pages from docs/.data/sources.yml")
    s.set_defaults(func=cmd_sources)

    s = sub.add_parser("fingerprint", help="regenerate the no-copying fingerprints from the source article")
    s.add_argument("article", nargs="?", default="../shared/source/article.fr.txt")
    s.set_defaults(func=cmd_fingerprint)

    s = sub.add_parser("audit", help="benchmark: Lighthouse on every page against a stock Material page")
    s.add_argument("--runs", type=int, default=1, help="Lighthouse runs per page (the median is kept)")
    s.set_defaults(func=cmd_audit)

    s = sub.add_parser("lint", help="lint and format-check the Python code with ruff")
    s.add_argument("--fix", action="store_true", help="apply ruff's safe fixes and format the files")
    s.set_defaults(func=cmd_lint)

    s = sub.add_parser("lock", help="refresh requirements.lock from pyproject.toml (needs uv)")
    s.set_defaults(func=cmd_lock)
    return p


def parse(argv: list[str]) -> argparse.Namespace:
    """Options after `test` that dev.py doesn't know (-q, -m …) go to pytest."""
    args, extra = parser().parse_known_args(argv)
    if extra and args.command != "test":
        parser().error(f"unrecognized arguments: {' '.join(extra)}")
    if args.command == "test":
        args.pytest_args = [*extra, *args.pytest_args]
    return args


def main() -> int:
    args = parse(sys.argv[1:])  # --help works before any set-up
    ensure_venv()
    return args.func(args)


if __name__ == "__main__":
    raise SystemExit(main())
