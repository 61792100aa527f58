"""Post-build step: a compile hint at the top of the theme's page script.

Material's script runs at the reader's first activity (partials/on-demand.html),
and much of that first run is V8 compiling each function, on the main thread,
the first time it is called. Chromium (136 and later) reads the comment
`//# allFunctionsCalledOnLoad` on a script's first line as a hint to compile
all its functions while it streams the script, off the main thread. On these
pages it takes about a quarter off Material's first task (its thread time in
a Chromium trace: 17 ms to 13 ms on the who's-who page, 12.5 to 8.3 on the
About page, before the CPU is slowed 4 times). Other browsers read a comment.

The script's own code is untouched; its source map gains an empty first line
so that it still matches.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..model.editions import EDITIONS
from .context import Context, StepError

HINT = "//# allFunctionsCalledOnLoad\n"
SOURCE_MAP = re.compile(r"//# sourceMappingURL=(\S+)\s*$")


def add_hint(script: Path) -> bool:
    """Put the hint on the first line of `script` (and shift its source map);
    False when it is already there."""
    text = script.read_text(encoding="utf-8")
    if text.startswith(HINT):
        return False
    script.write_text(HINT + text, encoding="utf-8")
    found = SOURCE_MAP.search(text)
    source_map = script.with_name(found[1]) if found else None
    if source_map and source_map.is_file():
        data = json.loads(source_map.read_text(encoding="utf-8"))
        data["mappings"] = ";" + data["mappings"]
        source_map.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    return True


def page_scripts(site: Path, engine) -> list[Path]:
    """The theme's page scripts of every edition (not its search worker)."""
    return sorted({p for ed in EDITIONS for pattern in engine.theme_scripts for p in (site / ed.prefix).glob(pattern)})


def step(site: Path, context: Context) -> None:
    scripts = page_scripts(site, context.engine)
    if len(scripts) < len(EDITIONS):
        raise StepError(
            f"found {len(scripts)} theme scripts ({', '.join(context.engine.theme_scripts)}) for {len(EDITIONS)} "
            f"editions in {site}; update theme_scripts for {context.engine.name} in scripts/explainer/build/engines.py"
        )
    for script in scripts:
        add_hint(script)
