"""Writes a tiny, valid knowledge base into a folder, so each test can break one rule."""

from __future__ import annotations

from pathlib import Path

CONCEPTS = """\
- {slug: gehechtheid, group: 1-wat-is-gehechtheid, scope: "what attachment is"}
- {slug: driftbuien, group: 3-gevolgen, scope: "tantrums"}
"""

REFERENCES = """\
- key: bowlby-1969
  kind: boek
  authors: ["Bowlby, J."]
  year: "1969/1982"
  title: "Attachment and loss: Vol. 1. Attachment"
  publisher: Basic Books
"""

ARTICLE = """\
---
id: {id}
type: artikel
title: "{title}"
summary: "Een korte samenvatting van dit artikel."
concepts: [{concepts}]
audiences: [ouder]
ages: [0, 18]
regions: [nl, be]
sources: [bowlby-1969]
---
{body}
"""

GEHECHTHEID_BODY = """\
Gehechtheid is een band. Een kind zoekt troost bij een vaste volwassene [@bowlby-1969].
In {nl:groep 7|be:het 5e leerjaar} is dat nog steeds zo.

## Lees verder
- [Driftbuien](gehecht:driftbuien)

## Voor professionals
Bowlby beschreef dit als een gedragssysteem [@bowlby-1969].
"""

DRIFTBUIEN_BODY = """\
## Wat is het?
Een driftbui is een uitbarsting van boosheid.
## Hoe herkent u het?
Uw kind gilt en schopt.
## Waar komt het vandaan?
Vaak uit onmacht.
## Is het ernstig?
Meestal niet.
## Wat kunt u zelf doen?
Blijf rustig in de buurt.
## Welke hulp en behandeling zijn er?
Opvoedondersteuning.
## Wanneer hulp zoeken?
::: hulp
Is er direct gevaar? Bel 112. Zorgen over geweld: Veilig Thuis 0800-2000.
:::
## Lees verder
- [Gehechtheid](gehecht:gehechtheid)
"""


def write_kb(root: Path) -> Path:
    (root / "data").mkdir(parents=True)
    (root / "bronnen").mkdir()
    (root / "artikelen").mkdir()
    (root / "data" / "concepten.yaml").write_text(CONCEPTS, encoding="utf-8")
    (root / "bronnen" / "kern.yaml").write_text(REFERENCES, encoding="utf-8")
    write_article(root, "gehechtheid", "Wat is gehechtheid?", "gehechtheid", GEHECHTHEID_BODY)
    write_article(root, "driftbuien", "Driftbuien", "driftbuien, gehechtheid", DRIFTBUIEN_BODY)
    return root


def write_article(root: Path, entry_id: str, title: str, concepts: str, body: str) -> Path:
    path = root / "artikelen" / f"{entry_id}.md"
    path.write_text(ARTICLE.format(id=entry_id, title=title, concepts=concepts, body=body), encoding="utf-8")
    return path


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
