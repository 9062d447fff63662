"""`comity outbox`: what still has to reach the channels, what failed, and re-queueing it."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from comity.cli.common import console, fail, open_services

STATUSES = ("pending", "sending", "sent", "failed", "unsupported", "cancelled")


def outbox_command(
    status: Annotated[
        str | None, typer.Option(help="Only entries of this status: " + ", ".join(STATUSES))
    ] = None,
    limit: Annotated[int, typer.Option(min=1, max=10_000, help="How many, newest first.")] = 50,
    retry: Annotated[
        int | None, typer.Option(help="Re-queue this failed or unsupported entry (needs --as).")
    ] = None,
    by: Annotated[
        str | None, typer.Option("--as", help="E-mail of the moderator or admin re-queueing.")
    ] = None,
    reason: Annotated[str, typer.Option(help="Why (goes into the audit log).")] = "",
    deliver: Annotated[
        bool, typer.Option("--deliver", help="Run one delivery pass now, then list.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per entry.")] = False,
) -> None:
    """List outbox entries (channel actions waiting for delivery) or re-queue a failed one."""
    from comity.actions import ActionError, PermissionDenied
    from comity.actions.delivery import do_retry_delivery
    from comity.runtime.delivery import ConnectorConfigError
    from comity.store.outbox import Outbox

    if status is not None and status not in STATUSES:
        raise fail(f"unknown status {status!r}; choose one of {', '.join(STATUSES)}", 2)
    with open_services() as services:
        if retry is not None:
            if by is None:
                raise fail("--retry needs --as EMAIL (who re-queues it goes into the audit log)", 2)
            user = services.users.get(by)
            if user is None or user.disabled:
                raise fail(f"no active user {by!r}", 2)
            try:
                do_retry_delivery(
                    services.action_context(), retry, by=user, reason=reason or "re-queued by CLI"
                )
            except (ActionError, PermissionDenied) as error:
                raise fail(str(error)) from None
            console.print(f"outbox entry {retry} is pending again", highlight=False)
            return
        if deliver:
            try:
                report = services.delivery.run_once()
            except ConnectorConfigError as error:
                raise fail(str(error), 2) from None
            console.print(
                f"sent {report.sent}, retry later {report.retried}, failed {report.failed}, "
                f"unsupported {report.unsupported}",
                highlight=False,
            )
        items = Outbox(services.engine).entries(status, limit)
    for item in items:
        if as_json:
            typer.echo(
                json.dumps(
                    {
                        "id": item.id,
                        "at": item.at.isoformat(),
                        "channel": item.channel,
                        "kind": item.kind,
                        "external_id": item.external_id,
                        "handle": item.handle,
                        "status": item.status,
                        "attempts": item.attempts,
                        "next_attempt_at": (
                            item.next_attempt_at.isoformat() if item.next_attempt_at else None
                        ),
                        "last_error": item.last_error,
                        "remote_id": item.remote_id,
                        "audit_id": item.audit_id,
                    },
                    ensure_ascii=False,
                )
            )
            continue
        target = item.external_id or item.handle or "-"
        why = f"  {item.last_error}" if item.last_error else ""
        console.print(
            f"#{item.id} {item.at:%Y-%m-%d %H:%M} {item.status:<11} {item.channel:<14} "
            f"{item.kind:<8} {target}  attempts {item.attempts}{why}",
            highlight=False,
            markup=False,
            soft_wrap=True,
        )
    if not items and not as_json:
        console.print("no outbox entries" + (f" with status {status}" if status else ""))


def register(app: typer.Typer) -> None:
    app.command("outbox")(outbox_command)
