"""Shared fixtures: the real knowledge base, a test client, a live server and a headless browser."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from gehecht.content.loader import KnowledgeBase, load_knowledge_base

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"
FIXTURES = Path(__file__).parent / "fixtures"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

# database fixtures (SQLite and PostgreSQL) for the journal and account tests
pytest_plugins = ["tests.dbtesting"]


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_knowledge_base(CONTENT)


@pytest.fixture(scope="session", autouse=True)
def isolated_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Runtime data (SQLite, index cache) goes to a temp folder, never ./data."""
    folder = tmp_path_factory.mktemp("data")
    old = os.environ.get("GEHECHT_DATA_DIR")
    os.environ["GEHECHT_DATA_DIR"] = str(folder)
    yield folder
    if old is None:
        os.environ.pop("GEHECHT_DATA_DIR", None)
    else:
        os.environ["GEHECHT_DATA_DIR"] = old


@pytest.fixture(scope="session")
def engine(kb: KnowledgeBase, isolated_data_dir: Path):
    """The real search engine over the real content (embeddings come from the shipped cache)."""
    from gehecht.search.service import open_engine

    return open_engine(kb, isolated_data_dir)


@pytest.fixture(scope="session")
def app(kb: KnowledgeBase, engine):
    from gehecht.web.app import create_app

    application = create_app(kb)
    application.state.engine = engine
    return application


@pytest.fixture()
def client(app):
    from fastapi.testclient import TestClient

    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def live_server(app) -> Iterator[str]:
    """The app served by uvicorn in a thread on a free loopback port."""
    from tests.dbtesting import serve_in_thread

    url, stop = serve_in_thread(app)
    yield url
    stop()


@pytest.fixture(scope="session")
def browser():
    """Headless Debian chromium driven by Playwright (no browser download)."""
    if not Path(CHROMIUM).exists():
        pytest.fail("chromium is not installed; `make test` installs it (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        )
        yield instance
        instance.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context()
    pg = context.new_page()
    yield pg
    context.close()
