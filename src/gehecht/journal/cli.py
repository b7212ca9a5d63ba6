"""CLI commands of the journal: `gehecht user ...`, `gehecht db ...`, `gehecht backup`, `gehecht restore`.
Thin: parse, call gehecht.accounts / gehecht.db, print. Registered on the main app by gehecht.cli."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from .. import config

err = Console(stderr=True)

user_app = typer.Typer(help="Manage accounts: create, list, set-password/reset, set-admin, delete.",
                       no_args_is_help=True)
db_app = typer.Typer(help="The journal database: migrations.", no_args_is_help=True)

PasswordStdin = Annotated[bool, typer.Option("--password-stdin", help="Read the password from stdin (one line).")]
UrlOption = Annotated[str | None, typer.Option(
    "--database", help="Database URL (default: GEHECHT_DATABASE_URL, else ./data/gehecht.db).")]


def _fail(message: str, code: int = 2) -> typer.Exit:
    err.print(f"[bold red]Fout:[/] {message}", highlight=False)
    return typer.Exit(code)


def _open(url: str | None, migrate: bool = True):  # type: ignore[no-untyped-def]
    from ..db import open_database

    try:
        return open_database(url or config.database_url(), migrate=migrate)
    except Exception as exc:  # connection refused, bad URL, …: a message, not a traceback
        raise _fail(f"cannot open the database: {type(exc).__name__}: {str(exc).splitlines()[0]}") from None


@contextmanager
def _session(url: str | None) -> Iterator:  # type: ignore[type-arg]
    database = _open(url)
    try:
        with database.session() as db:
            yield db
    finally:
        database.dispose()


def _read_password(from_stdin: bool, prompt: str = "Password") -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    return typer.prompt(prompt, hide_input=True, confirmation_prompt=True)


def _user_or_fail(db, username: str):  # type: ignore[no-untyped-def]
    from ..accounts.users import find_user

    user = find_user(db, username)
    if user is None:
        raise _fail(f"there is no account with user name {username!r}")
    return user


@user_app.command("create")
def user_create(
    username: Annotated[str, typer.Argument(help="User name (3-64 characters: a-z 0-9 . _ @ -).")],
    role: Annotated[str, typer.Option("--role", help="ouder | hulpverlener | leerkracht")] = "ouder",
    display_name: Annotated[str, typer.Option("--name", help="Name shown to others.")] = "",
    admin: Annotated[bool, typer.Option("--admin", help="Administrator of this instance.")] = False,
    password_stdin: PasswordStdin = False,
    temporary: Annotated[bool, typer.Option(
        "--temporary", help="Generate a temporary password (must be changed at first log-in).")] = False,
    database: UrlOption = None,
) -> None:
    """Create an account (prompts for the password)."""
    from ..accounts.users import AccountError, create_user, temporary_password

    password = temporary_password() if temporary else _read_password(password_stdin)
    with _session(database) as db:
        try:
            user = create_user(db, username, password, role, display_name, is_admin=admin,
                               must_change_password=temporary)
        except AccountError as exc:
            raise _fail(str(exc)) from None
        print(f"created account {user.username} ({user.role}{', admin' if user.is_admin else ''})")
    if temporary:
        print(f"temporary password: {password}")


@user_app.command("list")
def user_list(
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines, one account a line.")] = False,
    database: UrlOption = None,
) -> None:
    """List all accounts (no journal data)."""
    from ..accounts.users import list_users

    with _session(database) as db:
        users = list_users(db)
        if as_json:
            for u in users:
                print(json.dumps({"username": u.username, "name": u.display_name, "role": u.role,
                                  "admin": u.is_admin, "must_change_password": u.must_change_password,
                                  "created": u.created_at.isoformat(timespec="seconds")}, ensure_ascii=False))
            return
        table = Table(title=f"{len(users)} accounts")
        for column in ("user name", "name", "role", "admin", "created"):
            table.add_column(column)
        for u in users:
            table.add_row(u.username, u.display_name, u.role, "yes" if u.is_admin else "",
                          u.created_at.strftime("%Y-%m-%d"))
        Console().print(table)


def _reset(username: str, password_stdin: bool, generate: bool, database: str | None) -> None:
    from ..accounts.users import AccountError, set_password, temporary_password

    password = temporary_password() if generate else _read_password(password_stdin, "New password")
    with _session(database) as db:
        user = _user_or_fail(db, username)
        try:
            set_password(db, user, password, must_change=True)
        except AccountError as exc:
            raise _fail(str(exc)) from None
    print(f"password of {username} reset; all their sessions ended; "
          "they must change it at the next log-in")
    if generate:
        print(f"temporary password: {password}")


@user_app.command("set-password")
def user_set_password(
    username: str,
    password_stdin: PasswordStdin = False,
    generate: Annotated[bool, typer.Option("--generate", help="Generate a temporary password and print it.")] = False,
    database: UrlOption = None,
) -> None:
    """Set a new password (the user must change it at the next log-in)."""
    _reset(username, password_stdin, generate, database)


@user_app.command("reset")
def user_reset(username: str, database: UrlOption = None) -> None:
    """Forgotten password: generate a temporary one and print it (same as set-password --generate)."""
    _reset(username, False, True, database)


@user_app.command("set-admin")
def user_set_admin(
    username: str,
    off: Annotated[bool, typer.Option("--off", help="Take the admin flag away.")] = False,
    database: UrlOption = None,
) -> None:
    """Give an account the admin flag (or take it away with --off)."""
    with _session(database) as db:
        user = _user_or_fail(db, username)
        user.is_admin = not off
    print(f"{username}: {'no longer admin' if off else 'admin'}")


@user_app.command("delete")
def user_delete(
    username: str,
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask for confirmation.")] = False,
    database: UrlOption = None,
) -> None:
    """Delete an account with all its children, observations, comments and audit log."""
    from ..accounts.users import delete_user

    if not yes:
        typer.confirm(f"Delete account {username} and all its data for good?", abort=True)
    with _session(database) as db:
        delete_user(db, _user_or_fail(db, username))
    print(f"deleted account {username} and all its data")


@db_app.command("upgrade")
def db_upgrade(database: UrlOption = None) -> None:
    """Migrate the database to the latest schema (the app also does this when it starts)."""
    opened = _open(database, migrate=False)
    try:
        opened.upgrade()
        print(f"database at schema {opened.revision()}")
    finally:
        opened.dispose()


@db_app.command("current")
def db_current(database: UrlOption = None) -> None:
    """Show the schema revision of the database and of this version."""
    from ..db import head_revision

    opened = _open(database, migrate=False)
    try:
        print(f"database: {opened.revision() or '(empty)'}; this version: {head_revision()}")
    finally:
        opened.dispose()


def backup(
    file: Annotated[Path, typer.Argument(help="Target file (JSON Lines, created mode 600); '-' = stdout.")],
    database: UrlOption = None,
) -> None:
    """Dump every journal/account table to one portable file (moves between SQLite and PostgreSQL)."""
    from ..db.backup import dump

    opened = _open(database)
    try:
        if str(file) == "-":
            counts = dump(opened, sys.stdout)
        else:
            file.parent.mkdir(parents=True, exist_ok=True)
            file.touch(mode=0o600, exist_ok=True)  # personal data: readable by the owner only
            file.chmod(0o600)
            with file.open("w", encoding="utf-8") as out:
                counts = dump(opened, out)
    finally:
        opened.dispose()
    err.print(f"backup: {sum(counts.values())} rows from {len(counts)} tables", highlight=False)


def restore(
    file: Annotated[Path, typer.Argument(help="A file written by `gehecht backup`; '-' = stdin.")],
    force: Annotated[bool, typer.Option("--force", help="Replace everything in a database that is not empty.")] = False,
    database: UrlOption = None,
) -> None:
    """Restore a backup into an empty database (a non-empty one only with --force)."""
    from ..db.backup import BackupError
    from ..db.backup import restore as restore_backup

    if str(file) != "-" and not file.is_file():
        raise _fail(f"file {file} does not exist")
    opened = _open(database)
    try:
        if str(file) == "-":
            counts = restore_backup(opened, sys.stdin, force=force)
        else:
            with file.open(encoding="utf-8") as source:
                counts = restore_backup(opened, source, force=force)
    except BackupError as exc:
        raise _fail(str(exc), code=1) from None
    finally:
        opened.dispose()
    err.print(f"restored {sum(counts.values())} rows into {len(counts)} tables", highlight=False)


def register(app: typer.Typer) -> None:
    """Add journal administration commands to the main app."""
    app.add_typer(user_app, name="user")
    app.add_typer(db_app, name="db")
    app.command("backup")(backup)
    app.command("restore")(restore)
