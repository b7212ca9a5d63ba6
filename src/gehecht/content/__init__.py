"""Content layer: the knowledge base as typed data, loaded from content/ and validated."""
