"""CLI commands of the guide; registered on the main Typer app by gehecht.cli."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add `gehecht guide` to the main app (filled in by the guide issue)."""
