"""The `comity` command. Each command group lives in its own module with `register(app)`."""

from __future__ import annotations

import importlib

import typer

app = typer.Typer(
    name="comity",
    help="Comity: one inbox for every channel, triage, netiquette, replies and early warning.",
    no_args_is_help=True,
    add_completion=False,
)

# Modules under comity.cli that add commands; keep in the order shown by --help.
COMMAND_MODULES: tuple[str, ...] = (
    "core",
    "worker",
    "demo",
    "users",
    "cases",
    "triage",
    "train",
    "rules",
    "replies",
    "monitor",
    "outbox",
)


def _register_all() -> None:
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"comity.cli.{name}")
        module.register(app)


_register_all()


def main() -> None:
    """Console entry point."""
    app()
