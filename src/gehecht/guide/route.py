"""From one child's situation to a route: a pure function of (knowledge base, rules, intake, search).

Rules decide topics, circle needs, urgency, age context, steps and questions; treatments come from
each treatment's own `target_ages` and `problems`; organisations from their region and concepts
(plus the emergency numbers); cases from family, history, signals, contexts and age. The optional
`search` callable adds topics from the free text; without it the function does no I/O at all.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..content.loader import KnowledgeBase
from ..content.markup import resolve_region
from ..content.models import Case, Entry, Organisation, Treatment
from .intake import Intake
from .labels import label
from .output import (
    Action,
    AgeNote,
    CaseItem,
    CircleItem,
    EmergencyNumberItem,
    OrganisationItem,
    Route,
    Step,
    Topic,
    TreatmentItem,
)
from .rules import URGENCY_LEVELS, Reason, Rule, RuleSet, applies, effective_family, prepare

TextSearch = Callable[[str], Sequence[str]]
"""Free text → entry ids, best first. `engine_search(engine)` adapts gehecht.search."""

MAX_TOPICS = 10
MAX_ACTIONS = 5
MAX_TREATMENTS = 5
MAX_ORGANISATIONS = 6
MAX_CASES = 2
MAX_STEPS = 6
MAX_QUESTIONS = 6
SEARCH_WEIGHTS = (1.6, 1.3, 1.1, 0.9, 0.7)
SEARCH_RULE = "zoeken-toelichting"
# Articles about disorders come only from rules that look at history and signals together,
# never from free-text search alone: a parent asking how to comfort a child is not pointed there.
DISORDER_CONCEPTS = frozenset({"hechtingsstoornis", "reactieve-hechtingsstoornis", "ontremd-sociaal-contactstoornis"})
ACTION_GROUP = "5-wat-ouders-kunnen-doen"
TREATMENT_GROUP = "6-behandeling"

DISCLAIMER = (
    "Gehecht geeft informatie en wijst de weg. Het stelt geen diagnose; dat kan alleen een "
    "professional (zoals een GZ-psycholoog, orthopedagoog of kinderpsychiater) na eigen onderzoek "
    "met het kind en de ouders. Deze route is gemaakt op basis van uw antwoorden en vervangt geen "
    "gesprek met een hulpverlener. Uw antwoorden worden niet bewaard. Bij direct gevaar: bel 112."
)

# Which emergency lines fit which concern, by the name they have in content/data/noodnummers.yaml.
ABUSE_LINES = frozenset({"Veilig Thuis", "1712"})
SUICIDE_LINES = frozenset({"113 Zelfmoordpreventie", "Zelfmoordlijn"})
YOUTH_LINES = frozenset({"De Kindertelefoon", "Awel"})
SUICIDE_SIGNALS = frozenset({"zelfbeschadiging", "suicidale-uitingen"})
AUDIENCE_OF_ROLE = {"ouder": "ouder", "adoptieouder": "ouder", "pleegouder": "ouder", "stiefouder": "ouder",
                    "leerkracht": "leerkracht", "hulpverlener": "hulpverlener"}
# Organisations about these are general entry points for help, whatever the question.
ENTRY_POINT_CONCEPTS = frozenset({"hulp-zoeken", "diagnostiek", "gehechtheid-baby", "school-en-gehechtheid"})
ABUSE_HISTORY = frozenset({"mishandeling", "huiselijk-geweld", "verwaarlozing"})
YOUTH_LINE_FROM_MONTHS = 8 * 12


def engine_search(engine: Any, limit: int = 5) -> TextSearch:
    """Adapt a gehecht.search SearchEngine (or anything with .search(text, limit=)) to TextSearch."""

    def search(text: str) -> list[str]:
        return [hit.id for hit in engine.search(text, limit=limit).hits]

    return search


@dataclass
class Contribution:
    weight: float
    rule: str
    reasons: list[Reason]


@dataclass
class Evaluation:
    """What the applying rules add up to, before it is turned into output."""

    fired: list[tuple[Rule, list[Reason]]] = field(default_factory=list)
    ordinary: set[str] = field(default_factory=set)
    concepts: dict[str, list[Contribution]] = field(default_factory=lambda: defaultdict(list))
    needs: dict[str, list[Contribution]] = field(default_factory=lambda: defaultdict(list))
    treatment_hints: dict[str, list[Contribution]] = field(default_factory=lambda: defaultdict(list))

    def concept_score(self, concept: str) -> float:
        """The strongest reason counts fully, every further one half: several weak reasons do
        not outweigh one strong one."""
        weights = sorted((c.weight for c in self.concepts.get(concept, [])), reverse=True)
        return weights[0] + 0.5 * sum(weights[1:]) if weights else 0.0

    def hint(self, treatment_id: str) -> float:
        return sum(c.weight for c in self.treatment_hints.get(treatment_id, []))


def _phrase(text: str) -> str:
    """Lower-case a label's first letter inside a sentence (keeps 'ADHD', 'CLB')."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def _reasons_text(reasons: list[Reason], limit: int = 3) -> str:
    if not reasons:
        return "geldt altijd"
    named = [r for r in reasons if r.kind != "signalen"] or reasons  # counts only when nothing else
    shown = [f"{_phrase(r.text)} ({r.kind})" for r in named[:limit]]
    return ", ".join(shown) + (" …" if len(named) > limit else "")


def explain(contributions: list[Contribution], limit: int = 2) -> str:
    """'waarom': the inputs and the rule id behind an item, strongest first."""
    best: dict[str, Contribution] = {}
    for c in sorted(contributions, key=lambda c: -c.weight):
        best.setdefault(c.rule, c)
    parts = [f"{_reasons_text(c.reasons)} [regel {c.rule}]" for c in list(best.values())[:limit]]
    return "Past bij: " + "; ".join(parts)


def _rule_ids(contributions: list[Contribution]) -> list[str]:
    return list(dict.fromkeys(c.rule for c in sorted(contributions, key=lambda c: -c.weight)))


def evaluate(kb: KnowledgeBase, rules: RuleSet, intake: Intake, search: TextSearch | None = None) -> Evaluation:
    """Run the rules in two passes (age context first, then the rest) and the free-text search."""
    result = Evaluation()
    first = prepare(intake)
    for rule in rules.rules:
        if rule.is_age_context:
            reasons = applies(rule, first, rules)
            if reasons is not None:
                result.fired.append((rule, reasons))
                result.ordinary |= set(rule.dan.gewoon_voor_leeftijd) & set(intake.signalen)
    situation = prepare(intake, frozenset(result.ordinary))
    for rule in rules.rules:
        if not rule.is_age_context:
            reasons = applies(rule, situation, rules)
            if reasons is not None:
                result.fired.append((rule, reasons))
    order = {r.id: i for i, r in enumerate(rules.rules)}
    result.fired.sort(key=lambda item: order[item[0].id])
    for rule, reasons in result.fired:
        for concept, weight in rule.dan.onderwerpen.items():
            result.concepts[concept].append(Contribution(weight, rule.id, reasons))
        for need in rule.dan.cirkel:
            result.needs[need].append(Contribution(1.0, rule.id, reasons))
        for treatment, weight in rule.dan.behandelingen.items():
            result.treatment_hints[treatment].append(Contribution(weight, rule.id, reasons))
    if search is not None and intake.toelichting.strip():
        _add_search_topics(kb, result, search(intake.toelichting))
    return result


def _add_search_topics(kb: KnowledgeBase, result: Evaluation, entry_ids: Sequence[str]) -> None:
    for weight, entry_id in zip(SEARCH_WEIGHTS, entry_ids):
        entry = kb.entries.get(entry_id)
        if entry is None or entry.type not in ("artikel", "casus"):
            continue
        concept = kb.concept(entry.primary_concept)
        if concept is None or concept.group == TREATMENT_GROUP or concept.slug in DISORDER_CONCEPTS:
            continue
        reason = Reason("uw toelichting", f"zoekresultaat ‘{entry.title}’")
        result.concepts[concept.slug].append(Contribution(weight, SEARCH_RULE, [reason]))


# --- picking entries --------------------------------------------------------------------------

def _fits(entry: Entry, intake: Intake) -> bool:
    """An entry's `ages` in whole years: a child of 1 year and 5 months is '1'."""
    years = intake.leeftijd_maanden // 12
    return entry.ages[0] <= years <= entry.ages[1] and intake.regio in entry.regions


def entry_for(kb: KnowledgeBase, concept: str, intake: Intake) -> Entry | None:
    """The article that explains a concept for this child's age and region, if there is one."""
    main = kb.main_entry(concept)
    if main is not None:
        return main if main.type in ("artikel", "casus") and _fits(main, intake) else None
    candidates = [e for e in kb.entries.values()
                  if e.type == "artikel" and concept in e.concepts and _fits(e, intake)]
    candidates.sort(key=lambda e: (e.concepts.index(concept), e.id))
    return candidates[0] if candidates else None


def _ranked_concepts(kb: KnowledgeBase, evaluation: Evaluation) -> list[str]:
    first_seen = {concept: i for i, concept in enumerate(evaluation.concepts)}
    scored = [(evaluation.concept_score(c), c) for c in evaluation.concepts]
    return [c for s, c in sorted(scored, key=lambda x: (-x[0], first_seen[x[1]])) if s > 0]


def topics(kb: KnowledgeBase, intake: Intake, evaluation: Evaluation) -> list[Topic]:
    found: list[Topic] = []
    used: set[str] = set()
    for concept in _ranked_concepts(kb, evaluation):
        info = kb.concept(concept)
        if info is None or info.group == TREATMENT_GROUP and concept not in ("diagnostiek", "behandelingen-overzicht"):
            continue
        entry = entry_for(kb, concept, intake)
        if entry is None or entry.id in used:
            continue
        used.add(entry.id)
        contributions = evaluation.concepts[concept]
        found.append(Topic(concept=concept, id=entry.id, titel=entry.title, waarom=explain(contributions),
                           url=entry.url, regels=_rule_ids(contributions)))
        if len(found) == MAX_TOPICS:
            break
    return found


def actions(kb: KnowledgeBase, intake: Intake, evaluation: Evaluation) -> list[Action]:
    found: list[Action] = []
    for concept in _ranked_concepts(kb, evaluation):
        info = kb.concept(concept)
        if info is None or info.group != ACTION_GROUP:
            continue
        entry = entry_for(kb, concept, intake)
        if entry is None or any(a.id == entry.id for a in found):
            continue
        found.append(Action(id=entry.id, titel=entry.title, url=entry.url,
                            waarom=explain(evaluation.concepts[concept], limit=2)))
        if len(found) == MAX_ACTIONS:
            break
    return found


def circle(kb: KnowledgeBase, evaluation: Evaluation) -> list[CircleItem]:
    order = {n.slug: i for i, n in enumerate(kb.circle)}
    needs = {n.slug: n for n in kb.circle}
    ranked = sorted((s for s in evaluation.needs if s in needs),
                    key=lambda s: (-len(evaluation.needs[s]), order[s]))
    return [CircleItem(behoefte=s, helft=needs[s].helft, label=needs[s].label, uitleg=needs[s].uitleg,
                       waarom=explain(evaluation.needs[s]), regels=_rule_ids(evaluation.needs[s]))
            for s in ranked]


# --- urgency ----------------------------------------------------------------------------------

def _numbers(kb: KnowledgeBase, intake: Intake) -> list[EmergencyNumberItem]:
    return [EmergencyNumberItem(naam=n.naam, nummer=n.nummer, waarvoor=n.waarvoor, regio=n.regio)
            for n in kb.numbers_for(intake.regio) if n.spoed]


def _call_text(number: EmergencyNumberItem) -> str:
    who = "" if number.naam == number.nummer else f" ({number.naam})"
    purpose = number.waarvoor.rstrip(".")
    return f"Bel {number.nummer}{who}: {purpose[:1].lower() + purpose[1:]}."


def urgency(kb: KnowledgeBase, rules: RuleSet, intake: Intake,
            evaluation: Evaluation) -> tuple[str, str, list[str], list[EmergencyNumberItem]]:
    """The highest urgency any rule gives, why, where to go, and (when `direct`) the numbers."""
    levelled = [(rule, reasons) for rule, reasons in evaluation.fired if rule.dan.urgentie]
    level = max((URGENCY_LEVELS.index(r.dan.urgentie) for r, _ in levelled), default=0)
    name = URGENCY_LEVELS[level]
    top = [(r, reasons) for r, reasons in levelled if r.dan.urgentie == name]
    texts = list(dict.fromkeys(resolve_region((r.dan.urgentie_uitleg or "").strip(), intake.regio)
                               for r, _ in top))[:2]
    if not top:
        if evaluation.ordinary:
            texts = ["Wat u beschrijft past bij wat veel kinderen van deze leeftijd doen (zie hieronder)."]
        else:
            texts = ["Uw antwoorden wijzen nu niet op iets dat om snelle actie vraagt."]
    numbers = _numbers(kb, intake) if name == "direct" else []
    texts += [_call_text(n) for n in numbers]
    referral = next((r for r in rules.referrals if r.fits(intake, name)), None)
    if referral is not None:
        texts.append(resolve_region(referral.tekst.strip(), intake.regio))
    return name, " ".join(texts), [r.id for r, _ in top], numbers


# --- treatments, organisations, cases ---------------------------------------------------------

def _short_title(kb: KnowledgeBase, concept: str) -> str:
    """'Sensitiviteit: de signalen …' → 'sensitiviteit'; the slug when there is no entry."""
    entry = kb.main_entry(concept)
    return _phrase(entry.title.split(":")[0].strip()) if entry else concept.replace("-", " ")


def _years(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def treatments(kb: KnowledgeBase, intake: Intake, evaluation: Evaluation, level: str) -> list[TreatmentItem]:
    """Treatments whose target age holds the child's age (months / 12) and whose problems fit."""
    if level == "informatie":
        return []
    years = intake.leeftijd_jaren
    worrying = [s for s in intake.signalen if s not in evaluation.ordinary]
    ordinary = [s for s in intake.signalen if s in evaluation.ordinary]
    scored: list[tuple[float, Treatment, str]] = []
    for entry in kb.of_type("behandeling"):
        if not isinstance(entry, Treatment) or not entry.fits_age(years) or intake.regio not in entry.regions:
            continue
        signals = [p for p in entry.problems if p in worrying]
        usual = [p for p in entry.problems if p in ordinary]
        concepts = [p for p in entry.problems if p not in intake.signalen and evaluation.concept_score(p) >= 1.0]
        history = [h for h in entry.history if h in intake.geschiedenis or h in intake.gezin]
        hint = evaluation.hint(entry.id)
        score = 2 * len(signals) + len(usual) + 0.5 * len(concepts) + len(history) + hint
        if not (signals or usual or concepts or hint > 0) or score <= 0:
            continue
        low, high = entry.target_ages
        parts = [f"Leeftijd: het kind is {_years(round(years, 1))} jaar; bedoeld voor {_years(low)} tot {_years(high)} jaar."]
        fit = [_phrase(label("signalen", s, intake.regio)) for s in signals + usual]
        fit += [_short_title(kb, c) for c in concepts]
        if fit:
            parts.append("Past bij: " + ", ".join(dict.fromkeys(fit)) + ".")
        if history:
            parts.append("Ontwikkeld voor onder meer: "
                         + ", ".join(_phrase(label("geschiedenis", h, intake.regio)) if h in intake.geschiedenis
                                     else _phrase(label("gezin", h, intake.regio)) for h in history) + ".")
        if hint > 0:
            parts.append("[regel " + ", ".join(_rule_ids(evaluation.treatment_hints[entry.id])) + "]")
        scored.append((score, entry, " ".join(parts)))
    scored.sort(key=lambda item: (-item[0], item[1].title))
    return [TreatmentItem(id=t.id, titel=t.title, waarom=why, url=t.url, leeftijd=t.target_ages,
                          onderbouwing=t.evidence.status)
            for _, t, why in scored[:MAX_TREATMENTS]]


def _digits(text: str | None) -> str:
    return re.sub(r"\D", "", (text or "").split(" of ")[0])


def _number_item(number: EmergencyNumberItem, why: str) -> OrganisationItem:
    slug = re.sub(r"[^a-z0-9]+", "-", number.naam.lower()).strip("-")
    return OrganisationItem(id=f"noodnummer-{number.regio}-{slug}", naam=number.naam, regio=number.regio,
                            waarom=why, telefoon=number.nummer)


def organisations(kb: KnowledgeBase, intake: Intake, evaluation: Evaluation, level: str) -> list[OrganisationItem]:
    """Organisations in the child's region, strongest match first; emergency lines where they fit."""
    found: list[OrganisationItem] = []
    all_numbers = [EmergencyNumberItem(naam=n.naam, nummer=n.nummer, waarvoor=n.waarvoor, regio=n.regio)
                   for n in kb.numbers_for(intake.regio)]
    if level == "direct":
        for number in all_numbers:
            if number.naam in ABUSE_LINES or number.naam in SUICIDE_LINES or number.nummer == "112":
                found.append(_number_item(number, "Noodnummer: " + number.waarvoor))
    elif ABUSE_HISTORY & set(intake.geschiedenis):
        for number in all_numbers:
            if number.naam in ABUSE_LINES:
                found.append(_number_item(number, "Voor advies als u zich zorgen maakt over veiligheid: "
                                          + number.waarvoor))
    family_words = {"adoptie": "adoptie", "pleegzorg": "pleeg", "gescheiden-ouders": "scheiding",
                    "samengesteld-gezin": "samengesteld"}
    suicide_lines = {_digits(n.nummer) for n in all_numbers if n.naam in SUICIDE_LINES}
    suicide_concern = level == "direct" or bool(SUICIDE_SIGNALS & set(intake.signalen))
    abuse_lines = {_digits(n.nummer) for n in all_numbers if n.naam in ABUSE_LINES}
    abuse_concern = (level == "direct" or bool(ABUSE_HISTORY & set(intake.geschiedenis))
                     or evaluation.concept_score("verwaarlozing-en-mishandeling") > 0)
    scored: list[tuple[float, Organisation, list[str]]] = []
    for entry in kb.of_type("organisatie"):
        if not isinstance(entry, Organisation) or intake.regio not in entry.regions:
            continue
        phone = _digits(entry.contact.phone)
        if (phone in suicide_lines and not suicide_concern) or (phone in abuse_lines and not abuse_concern):
            continue
        own = [c for c in entry.concepts if not c.startswith("organisaties-")]
        shared = [c for c in own if c != "hulp-zoeken" and evaluation.concept_score(c) > 0]
        score = sum((1.0 if c == own[0] else 0.6) * min(evaluation.concept_score(c), 3.0) for c in shared)
        general = own[0] in ENTRY_POINT_CONCEPTS or evaluation.concept_score(own[0]) > 0
        if "hulp-zoeken" in own and general and level != "informatie":
            score += 2.0  # an entry point for help (GP, CJG, CLB, …), not a specialist one
        text = f"{entry.purpose} {entry.who} {' '.join(entry.keywords)}".lower()
        family = effective_family(intake)
        words = [w for g, w in family_words.items() if g in family and w in text]
        score += 2 * len(words)
        if AUDIENCE_OF_ROLE[intake.rol] not in entry.audiences:
            score *= 0.3  # e.g. a knowledge centre for professionals, when a parent asks
        if score > 0 and _fits(entry, intake):
            scored.append((score, entry, shared))
    scored.sort(key=lambda item: (-item[0], item[1].title))
    for _, entry, shared in scored:
        titles = [_short_title(kb, c) for c in shared[:3]]
        why = entry.purpose + (f" Past bij: {', '.join(titles)}." if titles else "")
        found.append(OrganisationItem(id=entry.id, naam=entry.title, regio=intake.regio, waarom=why,
                                      telefoon=entry.contact.phone, website=entry.contact.website, url=entry.url))
    if level != "informatie" and intake.leeftijd_maanden >= YOUTH_LINE_FROM_MONTHS:
        for number in all_numbers:
            if number.naam in YOUTH_LINES:
                found.append(_number_item(number, "Voor het kind of de jongere zelf: " + number.waarvoor))
    unique: list[OrganisationItem] = []
    for item in found:
        phone = _digits(item.telefoon)
        same = next((u for u in unique if u.id == item.id or (phone and _digits(u.telefoon) == phone)), None)
        if same is None:
            unique.append(item)
        elif same.url is None and item.url is not None:  # an emergency line that is also an entry: link it
            same.id, same.url, same.website = item.id, item.url, item.website
    return unique[:MAX_ORGANISATIONS]


def cases(kb: KnowledgeBase, intake: Intake, evaluation: Evaluation) -> list[CaseItem]:
    """The most similar cases: shared signals, history, family and places, and a close age."""
    years = intake.leeftijd_maanden // 12
    topic_concepts = set(_ranked_concepts(kb, evaluation)[:8])
    scored: list[tuple[float, Case, list[str]]] = []
    for entry in kb.of_type("casus"):
        if not isinstance(entry, Case) or intake.regio not in entry.regions:
            continue
        signals = [s for s in intake.signalen if s in entry.signals]
        history = [h for h in intake.geschiedenis if h in entry.history]
        family = [f for f in effective_family(intake) if f in entry.family]
        places = [c for c in intake.contexten if c in entry.contexts]
        low, high = entry.ages
        distance = 0 if low <= years <= high else min(abs(years - low), abs(years - high))
        score = 3 * len(signals) + 2 * len(history) + 2 * len(family) + 0.5 * len(places)
        score += 1.0 if entry.primary_concept in topic_concepts else 0.0
        score += 3 - 1.5 * distance
        if (signals and set(entry.signals) & {"zelfbeschadiging", "suicidale-uitingen"}
                and not set(intake.signalen) & {"zelfbeschadiging", "suicidale-uitingen"}):
            score -= 2  # do not lead with a self-harm story when the reader did not mention it
        shared = ([_phrase(label("signalen", s, intake.regio)) for s in signals]
                  + [_phrase(label("geschiedenis", h, intake.regio)) for h in history]
                  + [_phrase(label("gezin", f, intake.regio)) for f in family])
        if score > 0 and (shared or distance == 0):
            scored.append((score, entry, shared))
    scored.sort(key=lambda item: (-item[0], item[1].id))
    items = []
    for _, entry, shared in scored[:MAX_CASES]:
        why = f"Een kind van {_years(entry.ages[0])} tot {_years(entry.ages[1])} jaar"
        why += f"; ook: {', '.join(shared[:4])}." if shared else "."
        items.append(CaseItem(id=entry.id, titel=entry.title, waarom=why, url=entry.url))
    return items


# --- age context, steps, questions ------------------------------------------------------------

def age_notes(kb: KnowledgeBase, intake: Intake, evaluation: Evaluation) -> list[AgeNote]:
    notes: list[AgeNote] = []
    months = intake.leeftijd_maanden
    phases = sorted(kb.phases, key=lambda p: p.van_maanden)
    phase = next((p for p in phases if p.van_maanden <= months < (p.tot_maanden or math.inf)), None)
    if phase is None and phases:
        phase = min(phases, key=lambda p: abs(p.van_maanden - months))
    if phase is not None:
        notes.append(AgeNote(tekst=f"{phase.naam}. {phase.kenmerken}",
                             waarom=f"Past bij de leeftijd ({phase.van_maanden} tot "
                                    f"{phase.tot_maanden if phase.tot_maanden is not None else 'en met 216'} maanden)."))
    for rule, reasons in evaluation.fired:
        if rule.dan.leeftijd_context:
            contribution = Contribution(1.0, rule.id, reasons)
            notes.append(AgeNote(tekst=resolve_region(rule.dan.leeftijd_context.strip(), intake.regio),
                                 waarom=explain([contribution]),
                                 regels=[rule.id]))
    return notes


def steps_and_questions(evaluation: Evaluation, region: str) -> tuple[list[Step], list[str]]:
    ranked = sorted(evaluation.fired, key=lambda item: -URGENCY_LEVELS.index(item[0].dan.urgentie or "informatie"))
    steps: dict[str, Step] = {}
    questions: list[str] = []
    for rule, reasons in ranked:
        for text in rule.dan.stappen:
            text = resolve_region(text.strip(), region)
            steps.setdefault(text, Step(tekst=text, waarom=explain([Contribution(1.0, rule.id, reasons)])))
        for question in rule.dan.vragen:
            question = resolve_region(question.strip(), region)
            if question not in questions:
                questions.append(question)
    return list(steps.values())[:MAX_STEPS], questions[:MAX_QUESTIONS]


def route(kb: KnowledgeBase, rules: RuleSet, intake: Intake, search: TextSearch | None = None) -> Route:
    """The guide: one intake in, one route out. Pure apart from the optional `search`."""
    evaluation = evaluate(kb, rules, intake, search)
    level, why, rule_ids, numbers = urgency(kb, rules, intake, evaluation)
    steps, questions = steps_and_questions(evaluation, intake.regio)
    return Route(
        urgentie=level,
        urgentie_uitleg=why,
        urgentie_regels=rule_ids,
        noodnummers=numbers,
        leeftijd_context=age_notes(kb, intake, evaluation),
        onderwerpen=topics(kb, intake, evaluation),
        cirkel=circle(kb, evaluation),
        wat_u_kunt_doen=actions(kb, intake, evaluation),
        stappen=steps,
        vragen=questions,
        behandelingen=treatments(kb, intake, evaluation, level),
        organisaties=organisations(kb, intake, evaluation, level),
        casussen=cases(kb, intake, evaluation),
        disclaimer=DISCLAIMER,
    )
