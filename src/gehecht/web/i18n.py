"""UI strings per language (Dutch default, English available), kept as data in locales/*.yaml."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

LOCALES_DIR = Path(__file__).parent / "locales"
LANGUAGES = ("nl", "en")


@lru_cache
def catalogue(language: str) -> dict[str, str]:
    path = LOCALES_DIR / f"{language}.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def translate(language: str, key: str, **values: object) -> str:
    """The string for `key`; falls back to Dutch, then to the key itself (visible, never a crash)."""
    text = catalogue(language).get(key) or catalogue("nl").get(key) or key
    return text.format(**values) if values else text
