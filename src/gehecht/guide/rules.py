"""The guide's rules as reviewed data: load content/wegwijzer/regels.yaml, check it against the
knowledge base, and decide which rules apply to an intake.

The format is described (in Dutch, for the professionals who review it) in the header of
regels.yaml. Every problem names the rule id and the field, so a reviewer can fix it without Python.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ..content.loader import KnowledgeBase
from ..content.problems import Problem
from ..content.vocabulary import CONTEXTS, FAMILY, HISTORY, REGIONS, ROLES, SIGNALS
from .intake import MAX_MONTHS, Intake
from .labels import FIELD_NAMES, age_text, label

RULES_FILE = Path("wegwijzer") / "regels.yaml"
URGENCY_LEVELS = ("informatie", "bespreken", "hulp-zoeken", "direct")
Urgency = Literal["informatie", "bespreken", "hulp-zoeken", "direct"]
SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

# Sentences that would tell a reader their child has a disorder. Rule texts may describe signals
# and refer; they may never state a diagnosis (checked here and on every guide output in tests).
DIAGNOSIS_CLAIM_RE = re.compile(
    r"\b(uw|je|jouw|het|dit|deze|dat) (kind|zoon|dochter|leerling|jongere|cliënt|client|baby|peuter|kleuter|puber)"
    r" (heeft|lijdt aan|is) (dus |zeker |waarschijnlijk |duidelijk |vermoedelijk |wellicht |mogelijk )?"
    r"(een |de |aan )?(\w+ )?(hechtingsstoornis|stoornis|rad\b|dsed\b|adhd|autisme|trauma\b|ptss|depressie|"
    r"hechtingsgestoord|gestoord)",
    re.IGNORECASE,
)

VOCABULARY_FIELDS: dict[str, tuple[str, ...]] = {
    "rol": ROLES,
    "regio": REGIONS,
    "gezin": FAMILY,
    "geschiedenis": HISTORY,
    "signalen": SIGNALS,
    "alle_signalen": SIGNALS,
    "contexten": CONTEXTS,
}


class RulesError(ValueError):
    """The rules file is missing, unreadable or inconsistent; `problems` name rule id and field."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


# --- free-text phrases ------------------------------------------------------------------------

def normalise(text: str) -> str:
    """Lower case, accents off (suïcide → suicide), punctuation to spaces except sentence ends."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = re.sub(r"[.!?;:\n]+", " . ", plain)
    return re.sub(r"[^a-z0-9*. ]+", " ", plain)


def sentences(text: str) -> list[list[str]]:
    """The text as sentences of words, for phrase matching within one sentence."""
    return [s.split() for s in normalise(text).split(".") if s.strip()]


@dataclass(frozen=True)
class Phrase:
    """'dood willen' (words in a row), 'slaat*' (a prefix), 'vader ... slaat' (in order, same sentence)."""

    source: str
    parts: tuple[tuple[str, ...], ...]

    @classmethod
    def parse(cls, source: str) -> "Phrase":
        segments = [normalise(seg).replace(".", " ").split() for seg in source.split("...")]
        return cls(source, tuple(tuple(seg) for seg in segments if seg))

    @staticmethod
    def _word_matches(pattern: str, word: str) -> bool:
        return word.startswith(pattern[:-1]) if pattern.endswith("*") else word == pattern

    def _find(self, words: list[str], segment: tuple[str, ...], start: int) -> int:
        """Index just after the first occurrence of `segment` at or after `start`, or -1."""
        for i in range(start, len(words) - len(segment) + 1):
            if all(self._word_matches(p, words[i + j]) for j, p in enumerate(segment)):
                return i + len(segment)
        return -1

    def matches(self, text_sentences: list[list[str]]) -> bool:
        for words in text_sentences:
            position = 0
            for segment in self.parts:
                position = self._find(words, segment, position)
                if position < 0:
                    break
            else:
                return True
        return False


# --- the file's schema ------------------------------------------------------------------------

class Conditions(BaseModel):
    """`als`: every key that is given must hold; within a list, one match is enough."""

    model_config = ConfigDict(extra="forbid")

    leeftijd_maanden: tuple[int, int] | None = None
    rol: list[str] = Field(default_factory=list)
    regio: list[str] = Field(default_factory=list)
    gezin: list[str] = Field(default_factory=list)
    geschiedenis: list[str] = Field(default_factory=list)
    signalen: list[str] = Field(default_factory=list)
    alle_signalen: list[str] = Field(default_factory=list)
    contexten: list[str] = Field(default_factory=list)
    min_zorgsignalen: int | None = Field(default=None, ge=1)
    min_contexten: int | None = Field(default=None, ge=1)
    toelichting: list[str] = Field(default_factory=list)
    niet: "Conditions | None" = None

    @field_validator("leeftijd_maanden")
    @classmethod
    def _age_range(cls, value: tuple[int, int] | None) -> tuple[int, int] | None:
        if value is not None and not (0 <= value[0] <= value[1] <= MAX_MONTHS):
            raise ValueError(f"moet [van, tot] in maanden zijn met 0 <= van <= tot <= {MAX_MONTHS}")
        return value

    def is_empty(self) -> bool:
        return not any(v not in (None, []) for k, v in self if k != "niet")


Conditions.model_rebuild()


class Effects(BaseModel):
    """`dan`: what an applying rule adds to the route."""

    model_config = ConfigDict(extra="forbid")

    onderwerpen: dict[str, float] = Field(default_factory=dict)
    cirkel: list[str] = Field(default_factory=list)
    urgentie: Urgency | None = None
    urgentie_uitleg: str | None = None
    behandelingen: dict[str, float] = Field(default_factory=dict)
    leeftijd_context: str | None = None
    gewoon_voor_leeftijd: list[str] = Field(default_factory=list)
    vragen: list[str] = Field(default_factory=list)
    stappen: list[str] = Field(default_factory=list)


class Rule(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=SLUG)
    omschrijving: str = ""
    als: Conditions = Field(default_factory=Conditions)
    dan: Effects

    @property
    def is_age_context(self) -> bool:
        """Age-context rules run first: they decide which signals are ordinary for the age."""
        return bool(self.dan.gewoon_voor_leeftijd or self.dan.leeftijd_context)


class Referral(BaseModel):
    """`verwijzing`: where to go, by region, urgency, age and role (first that fits wins)."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=SLUG)
    regio: list[str] = Field(default_factory=list)
    urgentie: list[Urgency] = Field(default_factory=list)
    leeftijd_maanden: tuple[int, int] | None = None
    rol: list[str] = Field(default_factory=list)
    tekst: str = Field(min_length=10)

    def fits(self, intake: Intake, urgency: str) -> bool:
        low, high = self.leeftijd_maanden or (0, MAX_MONTHS)
        return ((not self.regio or intake.regio in self.regio)
                and (not self.urgentie or urgency in self.urgentie)
                and (not self.rol or intake.rol in self.rol)
                and low <= intake.leeftijd_maanden <= high)


@dataclass
class RuleSet:
    rules: list[Rule]
    referrals: list[Referral]
    path: Path | None = None
    phrases: dict[str, Phrase] = field(default_factory=dict)

    def phrase(self, source: str) -> Phrase:
        found = self.phrases.get(source)
        if found is None:
            found = self.phrases[source] = Phrase.parse(source)
        return found

    def by_id(self, rule_id: str) -> Rule:
        return next(r for r in self.rules if r.id == rule_id)


# --- evaluation -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Reason:
    """One input that made a condition hold, e.g. ('signaal', 'Driftbuien of woedeaanvallen')."""

    kind: str
    text: str

    def __str__(self) -> str:
        return f"{self.text} ({self.kind})"


# A role that names the family counts as that family ('adoptieouder' → gezin 'adoptie').
FAMILY_OF_ROLE = {"adoptieouder": "adoptie", "pleegouder": "pleegzorg", "stiefouder": "samengesteld-gezin"}


@dataclass(frozen=True)
class Situation:
    """An intake prepared for matching: normalised free text, family (with the role's), and
    which signals are ordinary for the age (decided by the age-context rules)."""

    intake: Intake
    text: list[list[str]]
    family: tuple[str, ...]
    ordinary: frozenset[str] = frozenset()

    @property
    def worrying_signals(self) -> tuple[str, ...]:
        return tuple(s for s in self.intake.signalen if s not in self.ordinary)


def effective_family(intake: Intake) -> tuple[str, ...]:
    implied = FAMILY_OF_ROLE.get(intake.rol)
    return intake.gezin + ((implied,) if implied and implied not in intake.gezin else ())


def prepare(intake: Intake, ordinary: frozenset[str] = frozenset()) -> Situation:
    return Situation(intake, sentences(intake.toelichting), effective_family(intake), ordinary)


def _any_of(name: str, wanted: list[str], given: tuple[str, ...], region: str) -> list[Reason] | None:
    hits = [s for s in given if s in wanted]
    kind = {"alle_signalen": "signalen"}.get(name, name)
    return [Reason(FIELD_NAMES[kind], label(kind, s, region)) for s in hits] if hits else None


def _holds(cond: Conditions, situation: Situation, rules: RuleSet) -> list[Reason] | None:
    """The inputs that satisfy every given condition, or None when one fails."""
    intake, region = situation.intake, situation.intake.regio
    reasons: list[Reason] = []
    if cond.leeftijd_maanden is not None:
        low, high = cond.leeftijd_maanden
        if not low <= intake.leeftijd_maanden <= high:
            return None
        reasons.append(Reason("leeftijd", age_text(intake.leeftijd_maanden)))
    for name in ("rol", "regio"):
        wanted = getattr(cond, name)
        if wanted:
            value = getattr(intake, name)
            if value not in wanted:
                return None
            reasons.append(Reason(name, label(name, value, region)))
    for name in ("gezin", "geschiedenis", "signalen", "contexten"):
        wanted = getattr(cond, name)
        if wanted:
            given = situation.family if name == "gezin" else getattr(intake, name)
            hits = _any_of(name, wanted, given, region)
            if hits is None:
                return None
            reasons += hits
    if cond.alle_signalen:
        if not set(cond.alle_signalen) <= set(intake.signalen):
            return None
        reasons += _any_of("alle_signalen", cond.alle_signalen, intake.signalen, region) or []
    if cond.min_zorgsignalen is not None:
        worrying = situation.worrying_signals
        if len(worrying) < cond.min_zorgsignalen:
            return None
        reasons.append(Reason("signalen", f"{len(worrying)} signalen die niet bij de leeftijd horen"))
    if cond.min_contexten is not None:
        if len(intake.contexten) < cond.min_contexten:
            return None
        places = ", ".join(label("contexten", c, region).lower() for c in intake.contexten)
        reasons.append(Reason("waar", places))
    if cond.toelichting:
        found = [p for p in cond.toelichting if rules.phrase(p).matches(situation.text)]
        if not found:
            return None
        reasons += [Reason("uw toelichting", f"‘{p.replace(' ... ', ' … ')}’") for p in found[:2]]
    return reasons


def applies(rule: Rule, situation: Situation, rules: RuleSet) -> list[Reason] | None:
    """The reasons a rule applies to this situation, or None when it does not."""
    reasons = _holds(rule.als, situation, rules)
    if reasons is None:
        return None
    if rule.als.niet is not None:
        negation = rule.als.niet
        for name, value in negation:
            if name == "niet" or value in (None, []):
                continue
            single = Conditions.model_validate({name: value})
            if _holds(single, situation, rules) is not None:
                return None
    return reasons


# --- loading and checking ---------------------------------------------------------------------

def rules_path(kb: KnowledgeBase) -> Path:
    return kb.root / RULES_FILE


def _pydantic_problems(path: Path, where: str, exc: ValidationError) -> list[Problem]:
    problems = []
    for err in exc.errors():
        loc = ".".join(str(p) for p in err["loc"])
        message = str(err["msg"]).removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            message = "onbekende sleutel"
        elif isinstance(err.get("input"), (str, int, float)) and err["type"] != "missing":
            message += f" (gekregen: {err['input']!r})"
        problems.append(Problem(path, f"{where}: {loc}" if loc else where, message))
    return problems


def _check_vocabulary(path: Path, where: str, cond: Conditions) -> list[Problem]:
    problems = []
    for name, allowed in VOCABULARY_FIELDS.items():
        for slug in getattr(cond, name):
            if slug not in allowed:
                problems.append(Problem(path, f"{where}.{name}",
                                        f"onbekende waarde {slug!r}; toegestaan: {', '.join(allowed)}"))
    for phrase in cond.toelichting:
        if not Phrase.parse(phrase).parts:
            problems.append(Problem(path, f"{where}.toelichting", f"lege zinsnede {phrase!r}"))
    if cond.niet is not None:
        if cond.niet.niet is not None:
            problems.append(Problem(path, f"{where}.niet.niet", "'niet' binnen 'niet' is niet toegestaan"))
        problems += _check_vocabulary(path, f"{where}.niet", cond.niet)
    return problems


def _texts(rule: Rule) -> list[tuple[str, str]]:
    d = rule.dan
    items = [("dan.urgentie_uitleg", d.urgentie_uitleg or ""), ("dan.leeftijd_context", d.leeftijd_context or "")]
    items += [("dan.vragen", q) for q in d.vragen] + [("dan.stappen", s) for s in d.stappen]
    return items


def _check_rule(path: Path, rule: Rule, kb: KnowledgeBase) -> list[Problem]:
    where = f"regel {rule.id}"
    problems = _check_vocabulary(path, f"{where}: als", rule.als)
    concepts = kb.concept_slugs
    needs = {n.slug for n in kb.circle}
    treatments = {e.id for e in kb.of_type("behandeling")}
    d = rule.dan
    for slug in d.onderwerpen:
        if slug not in concepts:
            problems.append(Problem(path, f"{where}: dan.onderwerpen", f"onbekend concept {slug!r}"))
    for slug in d.cirkel:
        if slug not in needs:
            problems.append(Problem(path, f"{where}: dan.cirkel",
                                    f"onbekende behoefte {slug!r}; toegestaan: {', '.join(sorted(needs))}"))
    for slug in d.behandelingen:
        if slug not in treatments:
            problems.append(Problem(path, f"{where}: dan.behandelingen", f"onbekende behandeling {slug!r}"))
    for slug in d.gewoon_voor_leeftijd:
        if slug not in SIGNALS:
            problems.append(Problem(path, f"{where}: dan.gewoon_voor_leeftijd", f"onbekend signaal {slug!r}"))
    if d.urgentie and not (d.urgentie_uitleg or "").strip():
        problems.append(Problem(path, f"{where}: dan.urgentie_uitleg", "een urgentie heeft een uitleg nodig"))
    if d.urgentie_uitleg and not d.urgentie:
        problems.append(Problem(path, f"{where}: dan.urgentie", "een urgentie_uitleg zonder urgentie"))
    if d.gewoon_voor_leeftijd and rule.als.leeftijd_maanden is None:
        problems.append(Problem(path, f"{where}: als.leeftijd_maanden",
                                "'gewoon_voor_leeftijd' vraagt om een leeftijdsgrens"))
    if rule.is_age_context and (rule.als.min_zorgsignalen or (rule.als.niet and rule.als.niet.min_zorgsignalen)):
        problems.append(Problem(path, f"{where}: als.min_zorgsignalen",
                                "kan niet in een leeftijdsregel: die bepaalt juist wat gewoon is"))
    if not any(dict(d).values()):
        problems.append(Problem(path, f"{where}: dan", "de regel doet niets"))
    for name, text in _texts(rule):
        if DIAGNOSIS_CLAIM_RE.search(text):
            problems.append(Problem(path, f"{where}: {name}", f"klinkt als een diagnose: {text!r}"))
    return problems


def _read(path: Path) -> tuple[dict[str, Any] | None, list[Problem]]:
    if not path.exists():
        return None, [Problem(path, "(bestand)", "het regelbestand van de wegwijzer ontbreekt")]
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        return None, [Problem(path, "(bestand)", f"geen geldige YAML: {exc}")]
    if not isinstance(raw, dict) or not isinstance(raw.get("regels"), list):
        return None, [Problem(path, "regels", "het bestand moet een lijst 'regels:' bevatten")]
    return raw, []


def parse_rules(path: Path, kb: KnowledgeBase) -> tuple[RuleSet | None, list[Problem]]:
    """Read and check the rules; return the rule set (None if unusable) and every problem."""
    raw, problems = _read(path)
    if raw is None:
        return None, problems
    rules: list[Rule] = []
    seen: set[str] = set()
    for index, item in enumerate(raw["regels"]):
        rule_id = item.get("id") if isinstance(item, dict) else None
        where = f"regel {rule_id}" if isinstance(rule_id, str) else f"regel #{index + 1}"
        if not isinstance(item, dict):
            problems.append(Problem(path, where, "moet een mapping zijn met id, als en dan"))
            continue
        try:
            rule = Rule.model_validate(item)
        except ValidationError as exc:
            problems += _pydantic_problems(path, where, exc)
            continue
        if rule.id in seen:
            problems.append(Problem(path, f"{where}: id", f"dubbele regel-id {rule.id!r}"))
            continue
        seen.add(rule.id)
        problems += _check_rule(path, rule, kb)
        rules.append(rule)
    referrals: list[Referral] = []
    for index, item in enumerate(raw.get("verwijzingen") or []):
        ref_id = item.get("id") if isinstance(item, dict) else None
        where = f"verwijzing {ref_id}" if isinstance(ref_id, str) else f"verwijzing #{index + 1}"
        try:
            referral = Referral.model_validate(item)
        except ValidationError as exc:
            problems += _pydantic_problems(path, where, exc)
            continue
        for name, allowed in (("regio", REGIONS), ("rol", ROLES)):
            for slug in getattr(referral, name):
                if slug not in allowed:
                    problems.append(Problem(path, f"{where}: {name}", f"onbekende waarde {slug!r}"))
        if DIAGNOSIS_CLAIM_RE.search(referral.tekst):
            problems.append(Problem(path, f"{where}: tekst", "klinkt als een diagnose"))
        referrals.append(referral)
    for region in REGIONS:
        for level in URGENCY_LEVELS:
            if not any((not r.regio or region in r.regio) and (not r.urgentie or level in r.urgentie)
                       for r in referrals):
                problems.append(Problem(path, "verwijzingen", f"geen verwijzing voor regio {region}, urgentie {level}"))
    errors = [p for p in problems if p.severity == "error"]
    return (None if errors else RuleSet(rules, referrals, path)), problems


def load_rules(kb: KnowledgeBase, path: Path | None = None) -> RuleSet:
    """The checked rule set; raises RulesError naming rule id and field on any problem."""
    rule_set, problems = parse_rules(path or rules_path(kb), kb)
    errors = [p for p in problems if p.severity == "error"]
    if rule_set is None or errors:
        raise RulesError(errors)
    return rule_set


def rule_problems(kb: KnowledgeBase) -> list[Problem]:
    """Problems in the guide's rules, for `gehecht check`. A knowledge base without a rules file
    (a test fixture, a fresh checkout) gets a warning, not an error."""
    path = rules_path(kb)
    if not path.exists():
        return [Problem(path, "(bestand)", "geen regels voor de wegwijzer gevonden", severity="warning")]
    return parse_rules(path, kb)[1]
