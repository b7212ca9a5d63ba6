"""CLI commands of the guide; registered on the main Typer app by gehecht.cli.

`gehecht guide --json FILE` reads one intake (contract §3; '-' = stdin) and prints the route as
one JSON object. Bad input exits 2 with a clear message on stderr, never a traceback."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from .. import config
from ..content.loader import KnowledgeBase, load_knowledge_base
from .intake import Intake, IntakeError, parse_intake_json
from .route import TextSearch, engine_search, route
from .rules import RulesError, load_rules


def _fail(message: str, code: int = 2) -> typer.Exit:
    typer.echo(f"Fout: {message}", err=True)
    return typer.Exit(code)


def _read(source: str) -> str:
    if source == "-":
        return sys.stdin.read()
    path = Path(source)
    if not path.is_file():
        raise _fail(f"invoerbestand {source} bestaat niet")
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise _fail(f"kan {source} niet lezen: {exc}") from None


def _search(kb: KnowledgeBase, intake: Intake) -> TextSearch | None:
    """Free-text search only when there is free text; a broken index never blocks the route."""
    if not intake.toelichting.strip():
        return None
    try:
        from ..search.service import open_engine

        return engine_search(open_engine(kb, config.data_dir()))
    except Exception as exc:  # noqa: BLE001 - the route works without search; say so, go on
        typer.echo(f"Let op: zoeken in de toelichting werkt nu niet ({type(exc).__name__}); "
                   "de route is gemaakt zonder.", err=True)
        return None


def register(app: typer.Typer) -> None:
    """Add `gehecht guide` to the main app."""

    @app.command()
    def guide(
        json_file: Annotated[Optional[str], typer.Option(
            "--json", metavar="FILE", help="Intake als JSON (contract §3); '-' leest van stdin.")] = None,
        pdf: Annotated[Optional[Path], typer.Option(
            "--pdf", help="Schrijf ook de gesprekskaart (PDF) naar dit bestand.")] = None,
        no_search: Annotated[bool, typer.Option(
            "--no-search", help="Gebruik de toelichting niet om extra onderwerpen te zoeken.")] = False,
        content: Annotated[Optional[Path], typer.Option("--content", help="Content folder (default: ./content).")] = None,
    ) -> None:
        """De wegwijzer: van de situatie van één kind naar een route (JSON op stdout)."""
        if json_file is None:
            raise _fail("geef de intake mee: gehecht guide --json FILE ('-' = stdin)")
        text = _read(json_file)
        try:
            intake = parse_intake_json(text)
        except IntakeError as exc:
            for message in exc.messages:
                typer.echo(f"Fout: {message}", err=True)
            raise typer.Exit(2) from None
        root = content or config.content_dir()
        if not root.is_dir():
            raise _fail(f"content folder {root} bestaat niet", code=1)
        kb = load_knowledge_base(root)
        try:
            rules = load_rules(kb)
        except RulesError as exc:
            raise _fail(f"de regels van de wegwijzer kloppen niet; run `gehecht check`:\n{exc}", code=1) from None
        result = route(kb, rules, intake, None if no_search else _search(kb, intake))
        if pdf is not None:
            from .pdf import gesprekskaart_pdf

            try:
                pdf.write_bytes(gesprekskaart_pdf(kb, intake, result))
            except OSError as exc:
                raise _fail(f"kan {pdf} niet schrijven: {exc}", code=1) from None
        typer.echo(json.dumps(result.as_json(), ensure_ascii=False))
