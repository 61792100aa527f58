"""MkDocs hooks: thin adapters around scripts/siterules.py.

They give editors the same front-matter messages during `serve` as the tests
give in CI, and teach the templates to print dates in the edition's language.
Any engine that can't run them still has the rules, through the tests.
"""

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).parent))
import siterules  # noqa: E402


def on_env(env, config, files):
    env.filters["long_date"] = lambda value, lang: siterules.format_date(value, lang)
    return env


def on_page_markdown(markdown, page, config, files):
    registry, _ = siterules.load_registry()
    parsed, problems = siterules.split_front_matter(Path(page.file.abs_src_path))
    if parsed:
        problems += siterules.check_front_matter(parsed, registry)
    if problems:
        raise PluginError("\n" + siterules.report(problems))
    return markdown
