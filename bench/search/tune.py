"""Grid search of the fusion settings on the DEV set only (never on held-out queries).

Run: .venv/bin/python -m bench.search.tune — prints the best settings by Success@3, then nDCG@10."""

from __future__ import annotations

import itertools
from pathlib import Path

from gehecht import config
from gehecht.content.loader import load_knowledge_base
from gehecht.search.engine import Fusion, SearchEngine
from gehecht.search.service import open_engine

from .__main__ import evaluate, load_queries

HERE = Path(__file__).parent

GRID = {
    "k": [10, 20],
    "dense_weight": [0.6, 0.8, 1.0],
    "second_passage_weight": [0.4, 0.7],
    "casus_prior": [0.85],
    "concept_boost": [0.2, 0.4],
}


def main() -> None:
    kb = load_knowledge_base(config.content_dir())
    base = open_engine(kb, config.data_dir())
    queries = load_queries(HERE / "dev-queries.jsonl")
    concepts = {e.id: list(e.concepts) for e in kb.entries.values()}
    rows = []
    for values in itertools.product(*GRID.values()):
        params = dict(zip(GRID, values))
        fusion = Fusion(k=params["k"], dense_weight=params["dense_weight"],
                        second_passage_weight=params["second_passage_weight"],
                        type_prior={"organisatie": 0.8, "casus": params["casus_prior"]},
                        concept_boost=params["concept_boost"])
        engine = SearchEngine(base.index, base.embedder, fusion)
        result = evaluate(lambda q: [h.id for h in engine.search(q, limit=10).hits], queries, concepts)["overall"]
        rows.append((result[0], result[2], result[1], params))
    rows.sort(key=lambda r: (r[0], r[1]), reverse=True)
    for s3, ndcg, mrr, params in rows[:12]:
        print(f"S@3 {s3:.3f}  nDCG {ndcg:.3f}  MRR {mrr:.3f}  {params}")


if __name__ == "__main__":
    main()
