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
    err.print(f"[bold red]Fout:[/] {message}", highlight=False)
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
    problems = validate(kb, missing_concepts_as_warning=allow_missing_concepts)
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


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.", min=1, max=65535)] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes.", min=1, max=32)] = 1,
) -> None:
    """Serve the web app (SQLite unless GEHECHT_DATABASE_URL names another database)."""
    import uvicorn

    uvicorn.run("gehecht.web.app:create_app", factory=True, host=host, port=port, workers=workers,
                log_level="info", proxy_headers=False)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
