"""CLI commands of the journal (user, backup, restore); registered on the main app by gehecht.cli."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add journal administration commands to the main app (filled in by the journal issue)."""
