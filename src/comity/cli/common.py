"""Helpers shared by the command modules."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import typer
from pydantic import ValidationError
from rich.console import Console

from comity.settings import Settings

if TYPE_CHECKING:  # commands like `comity triage` never open the database
    from comity.runtime.services import Services

console = Console()
err_console = Console(stderr=True)


def load_settings() -> Settings:
    """Settings from the environment and comity.toml, with readable errors."""
    try:
        return Settings()
    except ValidationError as error:
        err_console.print(f"[red]Configuration error[/red]:\n{error}")
        raise typer.Exit(2) from None


@contextmanager
def open_services(settings: Settings | None = None) -> Iterator[Services]:
    """Services for one command, closed afterwards."""
    from comity.runtime.services import Services

    services = Services.from_settings(settings or load_settings())
    try:
        yield services
    finally:
        services.close()


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print an error to stderr and return the exit to raise."""
    err_console.print(f"[red]error[/red]: {message}", highlight=False)
    return typer.Exit(code)


def read_password_stdin() -> str:
    """The first line of standard input, for --password-stdin."""
    return sys.stdin.readline().rstrip("\r\n")
