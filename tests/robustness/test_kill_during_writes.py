"""kill -9 of `gehecht serve` in the middle of journal writes, then a restart on the same SQLite
file: every write the app acknowledged (HTTP 303) is there, the file passes its integrity check,
and the parents write on with their old sessions. (bench.faults runs more rounds, and PostgreSQL.)"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from bench.faults.scenarios import kill_during_writes


def test_acknowledged_writes_survive_kill_9_and_restart():
    # in a thread of its own: the browser tests' Playwright keeps an event loop running in this one
    with ThreadPoolExecutor(1) as pool:
        result = pool.submit(kill_during_writes, "sqlite", rounds=1, writers=5).result(timeout=240)
    assert result["acknowledged"] > 0
    assert result["missing_acknowledged"] == 0, result["missing_examples"]
    assert result["sound"], result["integrity"]
    assert result["refused"] == {}
    assert result["writes_after_restart"].startswith("5/5")
