"""What one simulated visitor does, and the figures collected while they do it.

Every visitor is a parent with an account: they log in through the real form (CSRF token and all),
add a child, then for the length of the run pick one action at a time, wait a moment (think time)
and pick the next. The actions mix the public side (search page and API, the guide's API and its
result page) with journal reads and writes (an observation through the web form)."""

from __future__ import annotations

import asyncio
import json
import random
import re
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx

ROOT = Path(__file__).resolve().parents[2]
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
PASSWORD = "een lange zin als wachtwoord voor de meting"
FORM = {"Content-Type": "application/x-www-form-urlencoded"}

# kind → share of the actions (the journal is used by fewer visitors than the handbook)
MIX: dict[str, float] = {
    "search page": 0.25,
    "search API": 0.15,
    "guide API": 0.15,
    "guide result page": 0.15,
    "journal write": 0.20,
    "journal read": 0.10,
}
EXPECTED_STATUS = {"search page": 200, "search API": 200, "guide API": 200, "guide result page": 200,
                   "journal write": 303, "journal read": 200, "log in": 303, "add child": 303}


def load_queries() -> list[str]:
    path = ROOT / "bench" / "search" / "dev-queries.jsonl"
    return [json.loads(line)["q"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_intakes() -> list[dict[str, Any]]:
    path = ROOT / "bench" / "guide" / "vignettes.jsonl"
    return [json.loads(line)["intake"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def guide_form(intake: dict[str, Any]) -> list[tuple[str, str]]:
    """The last step of the step-by-step form, with every earlier answer in hidden fields."""
    months = int(intake["leeftijd_maanden"])
    pairs = [("stap", "toelichting"), ("actie", "volgende"), ("rol", intake["rol"]), ("regio", intake["regio"]),
             ("jaren", str(months // 12)), ("maanden", str(months % 12))]
    for name in ("gezin", "geschiedenis", "signalen", "contexten"):
        pairs += [(name, value) for value in intake.get(name, [])]
    pairs.append(("toelichting", intake.get("toelichting", "")))
    return pairs


@dataclass
class Sample:
    kind: str
    latency: float  # seconds
    ok: bool
    status: int | None
    at: float  # seconds since the run started


@dataclass
class Recorder:
    started: float = field(default_factory=time.perf_counter)
    samples: list[Sample] = field(default_factory=list)
    failures: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def add(self, kind: str, began: float, status: int | None, problem: str | None = None) -> bool:
        ok = problem is None and status == EXPECTED_STATUS[kind]
        self.samples.append(Sample(kind, time.perf_counter() - began, ok, status, began - self.started))
        if not ok:
            self.failures[f"{kind}: {problem or status}"] += 1
        return ok


@dataclass
class Visitor:
    number: int
    base_url: str
    client: httpx.AsyncClient
    csrf: str = ""
    child_id: str = ""
    acknowledged: list[str] = field(default_factory=list)  # markers of writes answered with 303
    writes_sent: int = 0

    @property
    def username(self) -> str:
        return f"meting{self.number:03d}"

    async def _csrf_from(self, path: str) -> str:
        response = await self.client.get(path)
        found = CSRF.search(response.text)
        if not found:
            raise RuntimeError(f"no CSRF token on {path} (HTTP {response.status_code})")
        return found.group(1)

    async def log_in(self, recorder: Recorder) -> None:
        token = await self._csrf_from("/account/inloggen")
        began = time.perf_counter()
        response = await self.client.post("/account/inloggen", data={
            "csrf_token": token, "gebruikersnaam": self.username, "wachtwoord": PASSWORD, "volgende": ""})
        if not recorder.add("log in", began, response.status_code):
            raise RuntimeError(f"log-in of {self.username} failed: HTTP {response.status_code}")
        self.csrf = await self._csrf_from("/dagboek")
        began = time.perf_counter()
        response = await self.client.post("/dagboek/kinderen", data={
            "csrf_token": self.csrf, "naam": f"Kind {self.number}", "geboortemaand": "2020-05"})
        if not recorder.add("add child", began, response.status_code):
            raise RuntimeError(f"adding a child failed: HTTP {response.status_code}")
        self.child_id = response.headers["location"].strip("/").split("/")[1]

    async def act(self, kind: str, rng: random.Random, queries: list[str], intakes: list[dict[str, Any]],
                  recorder: Recorder) -> None:
        began = time.perf_counter()
        try:
            if kind == "search page":
                response = await self.client.get("/zoeken", params={"q": rng.choice(queries)})
            elif kind == "search API":
                response = await self.client.get("/api/search", params={"q": rng.choice(queries)})
            elif kind == "guide API":
                response = await self.client.post("/api/guide", json=rng.choice(intakes))
            elif kind == "guide result page":
                response = await self.client.post("/wegwijzer/vragen", content=urlencode(guide_form(rng.choice(intakes))),
                                                  headers=FORM)
                if response.status_code == 200 and "Uw route" not in response.text:
                    recorder.add(kind, began, response.status_code, "no route on the page")
                    return
            elif kind == "journal read":
                response = await self.client.get(f"/dagboek/{self.child_id}/")
            else:
                response = await self.write(rng)
        except httpx.HTTPError as exc:
            recorder.add(kind, began, None, type(exc).__name__)
            return
        recorder.add(kind, began, response.status_code)

    async def write(self, rng: random.Random) -> httpx.Response:
        self.writes_sent += 1
        marker = f"meting-{self.number:03d}-{self.writes_sent:05d}"
        response = await self.client.post(f"/dagboek/{self.child_id}/observaties", headers=FORM, content=urlencode([
            ("csrf_token", self.csrf), ("situatie", marker), ("signalen", rng.choice(["driftbuien", "slaapproblemen"])),
            ("kind_deed", "Ze wilde niet naar bed en huilde hard."), ("reacties", "getroost"),
            ("ouder_deed", "Ik bleef bij haar zitten tot ze rustig was."), ("score", str(rng.randint(1, 5))),
            ("notities", "Geschreven tijdens de belastingmeting.")]))
        if response.status_code == 303:
            self.acknowledged.append(marker)
        return response


async def run_visitors(base_url: str, users: int, duration: float, think: tuple[float, float], seed: int = 7,
                       mix: dict[str, float] | None = None) -> tuple[Recorder, Recorder, list[Visitor]]:
    """Log every visitor in (the set-up, recorded apart), then let them act for `duration` seconds."""
    mix = mix or MIX
    queries, intakes = load_queries(), load_intakes()
    limits = httpx.Limits(max_connections=4, max_keepalive_connections=4)
    timeout = httpx.Timeout(60.0)
    visitors = [Visitor(n, base_url, httpx.AsyncClient(base_url=base_url, limits=limits, timeout=timeout,
                                                       follow_redirects=False)) for n in range(users)]
    setup = Recorder()
    await asyncio.gather(*(v.log_in(setup) for v in visitors))
    recorder = Recorder()
    deadline = time.perf_counter() + duration
    kinds, weights = list(mix), list(mix.values())

    async def loop(visitor: Visitor) -> None:
        rng = random.Random(seed * 1000 + visitor.number)
        await asyncio.sleep(rng.uniform(0, think[1]))  # do not all start in the same millisecond
        while time.perf_counter() < deadline:
            await visitor.act(rng.choices(kinds, weights)[0], rng, queries, intakes, recorder)
            await asyncio.sleep(rng.uniform(*think))

    recorder.started = time.perf_counter()
    await asyncio.gather(*(loop(v) for v in visitors))
    for visitor in visitors:
        await visitor.client.aclose()
    return setup, recorder, visitors


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile (no interpolation): the value below which `share` of them fall."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, min(len(ordered), int(-(-share * len(ordered) // 1))))
    return ordered[rank - 1]


def summarise(recorder: Recorder, seconds: float) -> dict[str, Any]:
    """Per kind and in total: requests, throughput, p50/p95/p99 in ms, errors."""
    by_kind: dict[str, list[Sample]] = defaultdict(list)
    for sample in recorder.samples:
        by_kind[sample.kind].append(sample)
    rows = {}
    for kind, samples in [*sorted(by_kind.items()), ("all", recorder.samples)]:
        latencies = [s.latency * 1000 for s in samples]
        rows[kind] = {"requests": len(samples), "per_second": round(len(samples) / seconds, 1) if seconds else 0,
                      "p50_ms": round(percentile(latencies, 0.50), 1), "p95_ms": round(percentile(latencies, 0.95), 1),
                      "p99_ms": round(percentile(latencies, 0.99), 1), "max_ms": round(max(latencies, default=0), 1),
                      "errors": sum(not s.ok for s in samples)}
    return {"kinds": rows, "failures": dict(recorder.failures)}
