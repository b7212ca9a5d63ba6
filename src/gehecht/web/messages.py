"""Messages raised below the web layer (accounts, journal) are plain Dutch sentences, and stay so:
the CLI, the exports and the tests rely on them. For another UI language the web layer looks each
known sentence up in the Dutch catalogue (keys `msg_*` in locales/nl.yaml) and swaps in its
translation. A message made of several sentences (an AccountError lists every problem at once) is
translated sentence by sentence; an unknown sentence stays Dutch rather than disappearing."""

from __future__ import annotations

from functools import lru_cache

from ..accounts import passwords
from ..db.models import ROLES
from ..journal.children import MAX_AGE_YEARS
from ..journal.observations import MAX_TEXT
from ..journal.sharing import MAX_COMMENT
from .i18n import catalogue, translate

PREFIX = "msg_"
# The values the domain code formats into its sentences.
VALUES: dict[str, object] = {
    "min_length": passwords.MIN_LENGTH,
    "max_length": passwords.MAX_LENGTH,
    "max_text": MAX_TEXT,
    "max_comment": MAX_COMMENT,
    "max_age": MAX_AGE_YEARS,
    "roles": ", ".join(ROLES),
}


@lru_cache
def known_sentences() -> tuple[tuple[str, str], ...]:
    """(Dutch sentence, key), longest first so a sentence never matches inside a longer one."""
    pairs = [(translate("nl", key, **VALUES), key) for key in catalogue("nl") if key.startswith(PREFIX)]
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


def localise(language: str, message: object) -> str:
    """`message` (Dutch, from accounts or journal code) in `language`; Dutch passes unchanged."""
    text = str(message)
    if language == "nl" or not text:
        return text
    for dutch, key in known_sentences():
        if dutch in text:
            text = text.replace(dutch, translate(language, key, **VALUES))
    return text
