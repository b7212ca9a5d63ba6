"""The app as the benches meet it: `gehecht serve` in its own process (or processes), over a fresh
database, on a free loopback port. Shared by bench.load and bench.faults."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from gehecht.db.scratch import scratch_postgres_database

ROOT = Path(__file__).resolve().parents[1]
GEHECHT = ROOT / ".venv" / "bin" / "gehecht"
POSTGRES_ADMIN_URL = os.environ.get("GEHECHT_BENCH_POSTGRES_URL",
                                    "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def gehecht_command() -> list[str]:
    return [str(GEHECHT)] if GEHECHT.exists() else [sys.executable, "-m", "gehecht.cli"]


@contextmanager
def postgres_database(prefix: str = "gehecht_bench") -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one run (dropped afterwards); yields its URL."""
    with scratch_postgres_database(POSTGRES_ADMIN_URL, prefix) as url:
        yield url


def prepare_data_dir(folder: Path, index: bool = True) -> None:
    """A data folder with the search index built for the current content (as `make run` leaves
    it), so that the app's first searches do not pay for building it (`gehecht index`, ~2 s)."""
    folder.mkdir(parents=True, exist_ok=True)
    if index:
        env = {**os.environ, "GEHECHT_DATA_DIR": str(folder)}
        subprocess.run([*gehecht_command(), "index"], env=env, check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)


def create_accounts(database_url: str, users: int) -> float:
    """The visitors' accounts, made through the library (the web form allows only a few sign-ups
    per address an hour); the production password hashing is used, so log-ins cost what they cost."""
    from gehecht.accounts.users import create_user
    from gehecht.db import open_database

    from .load.scenario import PASSWORD

    started = time.perf_counter()
    database = open_database(database_url)
    with database.session() as db:
        for n in range(users):
            create_user(db, f"meting{n:03d}", PASSWORD, "ouder", f"Meting {n}")
    database.dispose()
    return time.perf_counter() - started


@dataclass
class AppServer:
    """`gehecht serve` in a subprocess group; its output goes to `log_path`."""

    data_dir: Path
    database_url: str | None = None
    workers: int = 1
    port: int = field(default_factory=free_port)
    log_path: Path | None = None
    extra_env: dict[str, str] = field(default_factory=dict)
    extra_args: list[str] = field(default_factory=list)
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def env(self) -> dict[str, str]:
        env = {**os.environ, "GEHECHT_DATA_DIR": str(self.data_dir), **self.extra_env}
        if self.database_url:
            env["GEHECHT_DATABASE_URL"] = self.database_url
        else:
            env.pop("GEHECHT_DATABASE_URL", None)
        return env

    def start(self, timeout: float = 60) -> "AppServer":
        log_path = self.log_path = self.log_path or self.data_dir / "server.log"
        log = open(log_path, "ab")  # noqa: SIM115 - the child keeps it
        command = [*gehecht_command(), "serve", "--host", "127.0.0.1", "--port", str(self.port),
                   "--workers", str(self.workers), *self.extra_args]
        self.process = subprocess.Popen(command, env=self.env(), stdout=log, stderr=subprocess.STDOUT,
                                        start_new_session=True)
        log.close()
        self.wait_until_healthy(timeout)
        return self

    def wait_until_healthy(self, timeout: float = 60) -> float:
        started = time.monotonic()
        deadline = started + timeout
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError(f"gehecht serve exited with {self.process.returncode}; see {self.log_path}")
            try:
                if httpx.get(f"{self.url}/healthz", timeout=2).status_code == 200:
                    return time.monotonic() - started
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise TimeoutError(f"gehecht serve did not answer /healthz within {timeout} s")

    def kill(self) -> None:
        """kill -9 of every process of the server (the master and its workers)."""
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()

    def __enter__(self) -> "AppServer":
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()


def load_average() -> str:
    """The machine's 1, 5 and 15 minute load averages: other work on the same cores skews figures."""
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


def machine_facts() -> dict[str, str]:
    """What the figures were measured on."""
    import platform

    facts = {"cores": str(os.cpu_count()), "python": platform.python_version(), "system": platform.platform()}
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                facts["cpu"] = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                facts["memory"] = f"{int(line.split()[1]) // 1024 // 1024} GiB"
                break
    except OSError:
        pass
    try:
        out = subprocess.run(["psql", "--version"], capture_output=True, text=True, timeout=10).stdout.strip()
        facts["postgresql"] = out.replace("psql (PostgreSQL) ", "")
    except (OSError, subprocess.SubprocessError):
        pass
    import sqlite3

    facts["sqlite"] = sqlite3.sqlite_version
    return facts
