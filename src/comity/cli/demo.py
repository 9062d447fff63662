"""`comity demo`: load the Haneul Coffee demo community and a demo admin."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Annotated

import typer

from comity.cli.common import console, load_settings, open_services


def demo_command(
    serve: Annotated[bool, typer.Option(help="Start the web server afterwards.")] = False,
    host: Annotated[str | None, typer.Option(help="Address for --serve.")] = None,
    port: Annotated[int | None, typer.Option(help="Port for --serve.")] = None,
    original_dates: Annotated[
        bool,
        typer.Option(
            "--original-dates", help="Keep the shipped dates (July 2026) instead of recent ones."
        ),
    ] = False,
) -> None:
    """Load the demo community (idempotent) and print the demo login."""
    from comity.demo.loader import DEMO_ADMIN_EMAIL, ensure_demo_admin, load_demo, shift_to

    settings = load_settings()
    shift = timedelta(0) if original_dates else shift_to(datetime.now(UTC))
    with open_services(settings) as services:
        report = load_demo(services, on_progress=None, shift=shift)
        password = ensure_demo_admin(services)
        total = services.comments.count()
    console.print(
        f"demo community: {report.inserted} new, {report.unchanged} already there, "
        f"{total} comments in the inbox",
        highlight=False,
    )
    bind_host = host or settings.host
    bind_port = port or settings.port
    console.print(f"\n  Open    http://{bind_host}:{bind_port}/", highlight=False)
    console.print(f"  Login   {DEMO_ADMIN_EMAIL}", highlight=False)
    console.print(f"  Password {password}\n", highlight=False)
    if serve:
        from comity.cli.core import serve_command

        serve_command(host=bind_host, port=bind_port)


def register(app: typer.Typer) -> None:
    app.command("demo")(demo_command)
