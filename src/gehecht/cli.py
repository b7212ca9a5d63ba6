"""Command-line interface: a thin edge that parses arguments and calls the library."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from . import config
from .content.export import export_jsonl
from .content.loader import KnowledgeBase, load_knowledge_base
from .content.readability_report import overall, readability_failures, readability_rows
from .content.validate import errors, validate

app = typer.Typer(help="Gehecht: handboek en wegwijzer over gehechtheid.", no_args_is_help=True,
                  add_completion=False, pretty_exceptions_enable=False)
err = Console(stderr=True)


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print a clear message on stderr and return the exit to raise (never a traceback)."""
    err.print(f"[bold red]Fout:[/] {message}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


def load_kb(content: Optional[Path]) -> KnowledgeBase:
    root = content or config.content_dir()
    if not root.is_dir():
        raise fail(f"content folder {root} does not exist")
    return load_knowledge_base(root)


ContentOption = Annotated[Optional[Path], typer.Option("--content", help="Content folder (default: ./content).")]


@app.command()
def check(
    content: ContentOption = None,
    readability: Annotated[bool, typer.Option("--readability", help="Report readability of parent parts.")] = False,
    allow_missing_concepts: Annotated[bool, typer.Option(
        "--allow-missing-concepts", help="Report required concepts without an entry as warnings.")] = False,
) -> None:
    """Validate the whole knowledge base; exit 1 naming file and field on any violation."""
    kb = load_kb(content)
    from .guide.rules import rule_problems

    problems = validate(kb, missing_concepts_as_warning=allow_missing_concepts) + rule_problems(kb)
    for problem in problems:
        colour = "red" if problem.severity == "error" else "yellow"
        err.print(f"[{colour}]{problem.severity}[/] {problem}", highlight=False, soft_wrap=True)
    failed = bool(errors(problems))
    if readability:
        failed |= _print_readability(kb)
    counts = {t: len(kb.of_type(t)) for t in ("artikel", "casus", "behandeling", "organisatie")}
    summary = ", ".join(f"{n} {t}" for t, n in counts.items()) + f", {len(kb.references)} bronnen"
    if failed:
        err.print(f"[bold red]check failed[/] ({len(errors(problems))} errors; {summary})")
        raise typer.Exit(1)
    print(f"ok: {summary}")


def _print_readability(kb: KnowledgeBase) -> bool:
    rows = readability_rows(kb)
    table = Table(title="Leesbaarheid ouderdeel", show_lines=False)
    for column in ("entry", "zinnen", "woorden", "gem. zinslengte", "Flesch-Douma"):
        table.add_column(column, justify="right" if column != "entry" else "left")
    for row in rows:
        m = row.measure
        table.add_row(row.entry_id, str(m.sentences), str(m.words), f"{m.avg_sentence_length:.1f}", f"{m.flesch_douma:.0f}")
    total = overall(rows)
    table.add_row("[bold]totaal[/]", str(total.sentences), str(total.words),
                  f"{total.avg_sentence_length:.1f}", f"{total.flesch_douma:.0f}")
    Console().print(table)
    failures = readability_failures(rows)
    for failure in failures:
        err.print(f"[red]readability[/] {failure}", highlight=False)
    return bool(failures)


@app.command()
def export(
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines, one entry a line.")] = False,
    content: ContentOption = None,
) -> None:
    """Write every entry with its plain text, so others can index the same corpus."""
    if not as_json:
        raise fail("only --json is supported: gehecht export --json")
    kb = load_kb(content)
    problems = errors(validate(kb, missing_concepts_as_warning=True))
    if problems:
        raise fail(f"the knowledge base has {len(problems)} errors; run `gehecht check`", code=1)
    out = sys.stdout
    for line in export_jsonl(kb):
        out.write(line + "\n")


def _engine(content: Optional[Path], rebuild: bool = False, show_progress: bool = False):
    from rich.progress import Progress

    from .search.service import open_engine

    kb = load_kb(content)
    if not show_progress:
        return open_engine(kb, config.data_dir(), rebuild=rebuild)
    with Progress(console=err, transient=False) as bar:
        task = bar.add_task("Passages embedden", total=None)

        def progress(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        return open_engine(kb, config.data_dir(), progress=progress, rebuild=rebuild)


@app.command()
def index(content: ContentOption = None) -> None:
    """(Re)build the search index; only changed passages are embedded again."""
    import time

    started = time.perf_counter()
    engine = _engine(content, rebuild=True, show_progress=True)
    idx = engine.index
    print(f"index {idx.key}: {len(idx.entries)} entries, {len(idx.passages)} passages, "
          f"{time.perf_counter() - started:.1f} s")


@app.command()
def search(
    query: Annotated[Optional[str], typer.Argument(help="The question, in your own words.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON output (contract §2).")] = False,
    batch: Annotated[Optional[Path], typer.Option("--batch", help="File with one query a line.")] = None,
    limit: Annotated[int, typer.Option("--limit", help="Results per query.", min=1, max=100)] = 10,
    audience: Annotated[Optional[str], typer.Option(help="ouder | leerkracht | hulpverlener")] = None,
    age: Annotated[Optional[float], typer.Option(help="Child's age in years (0-18).")] = None,
    entry_type: Annotated[Optional[str], typer.Option("--type", help="artikel | casus | behandeling | organisatie")] = None,
    region: Annotated[Optional[str], typer.Option(help="nl | be")] = None,
    content: ContentOption = None,
) -> None:
    """Search the knowledge base (single query or --batch)."""
    import json

    from .search.engine import Filters, FilterError
    from .search.query import QueryError, clean_query

    if (query is None) == (batch is None):
        raise fail("give either a QUERY or --batch FILE")
    try:
        filters = Filters(audience=audience, age=age, type=entry_type, region=region)
        if batch is not None:
            if not batch.is_file():
                raise fail(f"batch file {batch} does not exist")
            queries = batch.read_text(encoding="utf-8", errors="replace").splitlines()
            queries = [q for q in queries if q.strip()]
            if not queries:
                raise fail(f"batch file {batch} holds no queries")
            for q in queries:
                clean_query(q)
        else:
            clean_query(query or "")
            queries = [query or ""]
    except (QueryError, FilterError) as exc:
        raise fail(str(exc)) from None
    engine = _engine(content)
    for q in queries:
        response = engine.search(q, limit=limit, filters=filters)
        if as_json:
            print(json.dumps(response.as_json(), ensure_ascii=False))
        else:
            Console().print(f"[bold]{response.query}[/]")
            for n, hit in enumerate(response.hits, 1):
                Console().print(f"{n:>2}. {hit.title} [dim]({hit.type}, {hit.url}, {hit.score:.2f})[/]\n    {hit.snippet}",
                                highlight=False)


@app.command()
def pictures(content: ContentOption = None) -> None:
    """Redraw the SVG pictures that articles embed (Circle of Security, timeline)."""
    from .pictures.static_files import write_static_pictures

    for path in write_static_pictures(load_kb(content)):
        print(path)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.", min=1, max=65535)] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes.", min=1, max=32)] = 1,
    access_log: Annotated[bool, typer.Option(
        "--access-log/--no-access-log",
        help="Log every request with the visitor's address and URL (search questions are in the URL).")] = False,
) -> None:
    """Serve the web app (SQLite unless GEHECHT_DATABASE_URL names another database).

    No access log by default: a line per request would keep who searched for what."""
    import uvicorn

    uvicorn.run("gehecht.web.app:create_app", factory=True, host=host, port=port, workers=workers,
                log_level="info", proxy_headers=False, access_log=access_log)


from .guide.cli import register as _register_guide  # noqa: E402
from .journal.cli import register as _register_journal  # noqa: E402

_register_guide(app)
_register_journal(app)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
