"""MkDocs hooks: a thin adapter. `build` stops at a page whose front matter
breaks a rule, with the same message the checks give. The rules are in
checks/; an engine without hooks still has them, through the checks. When
the caller runs the rules itself (`check`, the preview: REPORT_ONLY is
set), the page is built anyway and the rule reports it once."""

import os
from pathlib import Path

from mkdocs.exceptions import PluginError

from explainer.build.engines import REPORT_ONLY
from explainer.checks.front_matter import check_front_matter
from explainer.checks.registry import load_registry
from explainer.model.layout import REGISTRY_FILE, ROOT
from explainer.model.pages import split_front_matter
from explainer.model.problems import report


def on_page_markdown(markdown, page, config, files):
    if os.environ.get(REPORT_ONLY) == "1":
        return markdown
    root = Path(config.config_file_path).parent  # the repository being built
    registry, _ = load_registry(root / REGISTRY_FILE.relative_to(ROOT), root)
    parsed, problems = split_front_matter(Path(page.file.abs_src_path), root=root)
    if parsed:
        problems += check_front_matter(parsed, registry)
    if problems:
        raise PluginError("\n" + report(problems))
    return markdown
