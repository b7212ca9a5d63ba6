"""Settings read from the environment, in one place (healthchecks-style tiny helpers)."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def env_path(name: str, default: Path) -> Path:
    value = os.environ.get(name)
    return Path(value) if value else default


def content_dir() -> Path:
    """Where the knowledge base lives; tests point this at fixtures."""
    return env_path("GEHECHT_CONTENT_DIR", PROJECT_ROOT / "content")


def data_dir() -> Path:
    """Runtime data (SQLite database, search index cache)."""
    return env_path("GEHECHT_DATA_DIR", PROJECT_ROOT / "data")


def database_url() -> str:
    url = os.environ.get("GEHECHT_DATABASE_URL")
    if url:
        return url
    return f"sqlite:///{data_dir() / 'gehecht.db'}"
