"""Web edge: FastAPI app, Jinja2 pages, JSON API."""
