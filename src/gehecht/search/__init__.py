"""Search: Dutch analysis, BM25 over passages, dense embeddings, rank fusion."""
