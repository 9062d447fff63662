"""`comity cases`: what the playbook put in each queue, most urgent first."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.table import Table

from comity.cli.common import console, fail, open_services
from comity.domain import Queue


def cases_command(
    queue: Annotated[
        str | None, typer.Option(help="One queue: " + ", ".join(q.value for q in Queue))
    ] = None,
    limit: Annotated[int, typer.Option(min=1, max=10_000, help="How many cases.")] = 30,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per case.")] = False,
) -> None:
    """List cases by due time and priority, with the plan's steps and reason."""
    if queue is not None and queue not in {q.value for q in Queue}:
        raise fail(f"unknown queue {queue!r}; choose one of {', '.join(q.value for q in Queue)}", 2)
    from comity.store.cases import CaseRepository  # imported here: keeps `comity` startup light

    with open_services() as services:
        repository = CaseRepository(services.engine)
        views = repository.in_queue(queue, limit)
        counts = repository.counts()
    if as_json:
        for view in views:
            typer.echo(
                json.dumps(
                    {
                        "case": view.case.id,
                        "queue": view.case.queue.value,
                        "priority": view.case.priority.value,
                        "status": view.case.status.value,
                        "due_at": view.case.due_at.isoformat() if view.case.due_at else None,
                        "channel": view.comment.channel,
                        "external_id": view.comment.external_id,
                        "author": view.comment.author.handle,
                        "text": view.comment.text,
                        "actions": list(view.actions),
                        "reason": view.reason,
                    },
                    ensure_ascii=False,
                )
            )
        return
    console.print(
        "  ".join(f"{name} {count}" for name, count in counts.items()) or "no cases yet",
        highlight=False,
    )
    table = Table("P", "due (UTC)", "queue", "channel", "author", "comment", "steps", "reason")
    for view in views:
        steps = ", ".join(
            step["kind"] + ("*" if step.get("automatic") else "") for step in view.actions
        )
        due = view.case.due_at.strftime("%m-%d %H:%M") if view.case.due_at else "-"
        table.add_row(
            view.case.priority.value, due, view.case.queue.value, view.comment.channel,
            view.comment.author.handle, view.comment.text[:60], steps, view.reason[:80],
        )  # fmt: skip
    console.print(table)
    console.print("* = done automatically", style="dim")


def register(app: typer.Typer) -> None:
    app.command("cases")(cases_command)
