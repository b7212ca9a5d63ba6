"""Rank fusion and concept-coherence re-ranking (pure functions)."""

from gehecht.search.engine import concept_coherence, rank_fusion


def test_rank_fusion_rewards_agreement_between_legs():
    fused = rank_fusion([(["a", "b", "c"], 1.0), (["b", "a", "d"], 1.0)], k=10)
    assert max(fused, key=fused.get) in {"a", "b"}
    assert fused["a"] == fused["b"] > fused["c"] > 0 and fused["d"] > 0


def test_rank_fusion_weights_legs():
    fused = rank_fusion([(["a"], 1.0), (["b"], 0.5)], k=10)
    assert fused["a"] > fused["b"]


def test_coherence_favours_entries_on_the_subject_of_the_top_results():
    concepts = {"top": ("driftbuien",), "same": ("driftbuien", "temperament"),
                "related": ("temperament", "driftbuien"), "other": ("pleegzorg",)}
    coherence = concept_coherence(["top", "other", "same", "related"], concepts, depth=1)
    assert coherence["same"] == 1.0
    assert coherence["same"] > coherence["related"] > coherence["other"] == 0.0
