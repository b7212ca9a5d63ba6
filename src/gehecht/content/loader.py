"""Read content/ into typed models. Parsing problems are collected, never raised, so that
`gehecht check` can name every broken file and field in one run."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from .models import (
    ENTRY_MODELS,
    CircleNeed,
    Concept,
    DevelopmentPhase,
    EmergencyNumber,
    Entry,
    Part,
    Reference,
)
from .problems import Problem

ENTRY_FOLDERS = {
    "artikelen": "artikel",
    "casussen": "casus",
    "behandelingen": "behandeling",
    "organisaties": "organisatie",
}


@dataclass
class KnowledgeBase:
    """Everything under content/, loaded; the one object the rest of the app reads."""

    root: Path
    entries: dict[str, Entry] = field(default_factory=dict)
    references: dict[str, Reference] = field(default_factory=dict)
    concepts: list[Concept] = field(default_factory=list)
    circle: list[CircleNeed] = field(default_factory=list)
    phases: list[DevelopmentPhase] = field(default_factory=list)
    emergency_numbers: list[EmergencyNumber] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def of_type(self, entry_type: str) -> list[Entry]:
        return [e for e in self.entries.values() if e.type == entry_type]

    def with_primary(self, concept: str) -> list[Entry]:
        return [e for e in self.entries.values() if e.primary_concept == concept]

    def main_entry(self, concept: str) -> Entry | None:
        """The entry that explains a concept: the article with that id, else any with it as primary."""
        entry = self.entries.get(concept)
        if entry is not None and entry.primary_concept == concept:
            return entry
        found = self.with_primary(concept)
        return found[0] if found else None

    def concept(self, slug: str) -> Concept | None:
        return next((c for c in self.concepts if c.slug == slug), None)

    @property
    def concept_slugs(self) -> set[str]:
        return {c.slug for c in self.concepts}

    def part_of(self, entry: Entry) -> Part | None:
        concept = self.concept(entry.primary_concept)
        return next((p for p in self.parts if concept and p.groep == concept.group), None)

    def entries_in_part(self, part: Part) -> list[Entry]:
        slugs = [c.slug for c in self.concepts if c.group == part.groep]
        order = {slug: i for i, slug in enumerate(slugs)}
        found = [e for e in self.entries.values() if e.primary_concept in order]
        return sorted(found, key=lambda e: (order[e.primary_concept], e.type != "artikel", e.title))

    def numbers_for(self, region: str) -> list[EmergencyNumber]:
        return [n for n in self.emergency_numbers if n.regio == region]


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """Split '---\\nYAML\\n---\\nbody'. Raises ValueError with a readable reason."""
    if not text.startswith("---"):
        raise ValueError("file must start with '---' and YAML front matter")
    parts = text.split("\n---", 2)
    if len(parts) < 2:
        raise ValueError("front matter is not closed with '---'")
    header = parts[0][3:]
    rest = parts[1]
    body = rest.split("\n", 1)[1] if "\n" in rest else ""
    try:
        data = yaml.safe_load(header)
    except yaml.YAMLError as exc:
        raise ValueError(f"front matter is not valid YAML: {exc}") from None
    except RecursionError:  # PyYAML parses nesting recursively: '[[[[…' would crash the loader
        raise ValueError("front matter is nested too deeply to be read") from None
    if not isinstance(data, dict):
        raise ValueError("front matter must be a YAML mapping")
    return data, body.lstrip("\n")


def _model_problems(path: Path, exc: ValidationError) -> list[Problem]:
    return [
        Problem(path, ".".join(str(p) for p in err["loc"]) or "(file)", err["msg"])
        for err in exc.errors()
    ]


def load_entry(path: Path, expected_type: str) -> tuple[Entry | None, list[Problem]]:
    try:
        data, body = split_front_matter(path.read_text(encoding="utf-8-sig"))  # a BOM from a Windows editor is fine
    except (ValueError, UnicodeDecodeError) as exc:
        return None, [Problem(path, "front matter", str(exc))]
    entry_type = data.get("type", expected_type)
    if entry_type != expected_type:
        return None, [Problem(path, "type", f"is {entry_type!r}, but files in this folder are {expected_type!r}")]
    model = ENTRY_MODELS[expected_type]
    try:
        entry = model.model_validate({**data, "body": body, "path": path})
    except ValidationError as exc:
        return None, _model_problems(path, exc)
    problems = []
    if entry.id != path.stem:
        problems.append(Problem(path, "id", f"{entry.id!r} differs from the file name {path.stem!r}"))
    return entry, problems


def _load_yaml_list(path: Path, model: type[BaseModel], problems: list[Problem]) -> list[Any]:
    if not path.exists():
        return []
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except yaml.YAMLError as exc:
        problems.append(Problem(path, "(file)", f"not valid YAML: {exc}"))
        return []
    except RecursionError:
        problems.append(Problem(path, "(file)", "nested too deeply to be read"))
        return []
    if not isinstance(raw, list):
        problems.append(Problem(path, "(file)", "must be a YAML list"))
        return []
    items = []
    for index, item in enumerate(raw):
        try:
            items.append(model.model_validate(item))
        except ValidationError as exc:
            for problem in _model_problems(path, exc):
                problems.append(Problem(path, f"[{index}].{problem.field}", problem.message))
    return items


def load_references(root: Path, problems: list[Problem]) -> dict[str, Reference]:
    references: dict[str, Reference] = {}
    for path in sorted((root / "bronnen").glob("*.yaml")):
        for ref in _load_yaml_list(path, Reference, problems):
            if ref.key in references:
                other = references[ref.key].path
                problems.append(Problem(path, f"key {ref.key}", f"duplicate bibliography key (also in {other})"))
                continue
            references[ref.key] = ref.model_copy(update={"path": path})
    return references


def load_knowledge_base(root: Path) -> KnowledgeBase:
    kb = KnowledgeBase(root=root)
    seen: dict[str, Path] = {}
    for folder, entry_type in ENTRY_FOLDERS.items():
        for path in sorted((root / folder).glob("*.md")):
            entry, problems = load_entry(path, entry_type)
            kb.problems.extend(problems)
            if entry is None:
                continue
            if entry.id in seen:
                kb.problems.append(Problem(path, "id", f"duplicate id {entry.id!r} (also in {seen[entry.id]})"))
                continue
            seen[entry.id] = path
            kb.entries[entry.id] = entry
    kb.references = load_references(root, kb.problems)
    data = root / "data"
    kb.concepts = _load_yaml_list(data / "concepten.yaml", Concept, kb.problems)
    extra = data / "concepten-extra.yaml"
    kb.concepts += _load_yaml_list(extra, Concept, kb.problems)
    kb.circle = _load_yaml_list(data / "cirkel.yaml", CircleNeed, kb.problems)
    kb.phases = _load_yaml_list(data / "ontwikkelingsfasen.yaml", DevelopmentPhase, kb.problems)
    kb.emergency_numbers = _load_yaml_list(data / "noodnummers.yaml", EmergencyNumber, kb.problems)
    kb.parts = _load_yaml_list(data / "delen.yaml", Part, kb.problems)
    return kb
