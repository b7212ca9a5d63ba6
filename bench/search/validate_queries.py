"""Validate bench/search/dev-queries.jsonl against content/data/concepten.yaml and print counts."""
import collections
import json
import pathlib
import sys

import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
QUERIES = ROOT / "bench/search/dev-queries.jsonl"
SAMPLE = pathlib.Path("/work/shared/spec/sample-queries.jsonl")
KINDS = {"lay", "teacher", "pro", "flemish", "typo", "english"}

concepts = yaml.safe_load((ROOT / "content/data/concepten.yaml").read_text(encoding="utf-8"))
group = {c["slug"]: c["group"] for c in concepts}
errors, rows = [], []
for n, line in enumerate(QUERIES.read_text(encoding="utf-8").splitlines(), 1):
    try:
        r = json.loads(line)
    except json.JSONDecodeError as e:
        errors.append(f"line {n}: {e}")
        continue
    if set(r) != {"q", "primary", "related", "kind"}:
        errors.append(f"line {n}: keys {sorted(r)}")
    if r.get("kind") not in KINDS:
        errors.append(f"line {n}: kind {r.get('kind')!r}")
    if not 1 <= len(r.get("primary", [])) <= 2 or len(r.get("related", [])) > 3:
        errors.append(f"line {n}: primary/related length")
    for s in r.get("primary", []) + r.get("related", []):
        if s not in group:
            errors.append(f"line {n}: unknown slug {s}")
    if set(r.get("primary", [])) & set(r.get("related", [])):
        errors.append(f"line {n}: slug both primary and related")
    rows.append(r)

qs = collections.Counter(r["q"].strip().lower() for r in rows)
errors += [f"duplicate query: {q}" for q, c in qs.items() if c > 1]
if SAMPLE.exists():
    sample = {json.loads(l)["q"].strip().lower() for l in SAMPLE.read_text(encoding="utf-8").splitlines() if l.strip()}
    errors += [f"reuses sample query: {q}" for q in qs if q in sample]
prim = collections.Counter(s for r in rows for s in r["primary"])
errors += [f"never primary: {s}" for s in group if s not in prim]

print(f"queries: {len(rows)}")
print("per kind:")
for k, c in collections.Counter(r["kind"] for r in rows).most_common():
    print(f"  {k:8} {c:4}  {100 * c / len(rows):5.1f}%")
print("per group (group of first primary slug; concepts / queries / proportional target):")
gq = collections.Counter(group[r["primary"][0]] for r in rows if r["primary"][0] in group)
gc = collections.Counter(group.values())
for g in sorted(gc):
    print(f"  {g:28} {gc[g]:3} {gq[g]:4} {len(rows) * gc[g] / len(group):6.1f}")
print(f"concepts: {len(group)}, covered as primary: {len(prim)}")
if errors:
    print("\n".join(errors))
    sys.exit(1)
print("OK")
