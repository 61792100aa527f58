"""Preview server: both editions, one address, rebuilt and reloaded on save.

`mkdocs serve` serves one config, so the language switcher could not work
there. This builds every edition into a temporary folder with sitebuild and
serves that folder with MkDocs's own live-reload server.
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

from mkdocs.livereload import LiveReloadServer

from ..build.site import BuildError, build_site
from ..model.editions import EDITIONS
from ..model.layout import ROOT


def serve(host: str, port: int) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    site = Path(tempfile.mkdtemp(prefix="explainer-serve-")) / "site"

    def builder() -> None:
        try:
            build_site(site, strict=False, preview=True)
            print(f"Built. English: http://{host}:{port}/  Français: http://{host}:{port}/fr/")
        except BuildError as err:
            # Keep serving the last good build; the message says what to fix.
            print(err)

    builder()
    server = LiveReloadServer(builder=builder, host=host, port=port, root=str(site))
    for path in ("docs", *(ed.config for ed in EDITIONS), "scripts"):
        server.watch(str(ROOT / path))
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
    return 0
