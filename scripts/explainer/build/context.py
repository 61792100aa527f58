"""What a post-build step is given, and how it fails."""

from __future__ import annotations

from dataclasses import dataclass

from .engines import Engine


class StepError(RuntimeError):
    """A post-build step did not find what it works on (the message says what)."""


@dataclass(frozen=True)
class Context:
    """preview: true for the live-reload server. engine: the engine that wrote the site."""

    preview: bool
    engine: Engine
