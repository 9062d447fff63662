"""Core commands: serve, demo, import, stats, version, process."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
)

import comity
from comity.cli.common import console, err_console, fail, load_settings, open_services

PROGRESS_THRESHOLD = 300


def _count_lines(path: Path) -> int:
    with path.open("rb") as handle:
        return sum(1 for _ in handle)


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err_console,
        transient=False,
    )


def import_command(
    paths: Annotated[list[Path], typer.Argument(help="JSONL or CSV files in the import schema.")],
    fmt: Annotated[
        str | None, typer.Option("--format", help="jsonl or csv (default: by file extension).")
    ] = None,
    rejects: Annotated[
        Path | None,
        typer.Option(help="Where rejected rows go (default: FILE.rejects.jsonl beside the input)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
    process: Annotated[
        bool, typer.Option(help="Run the pipeline (triage, ...) on the new comments afterwards.")
    ] = True,
) -> None:
    """Import comments from files (see docs/import-format.md); bad rows are reported, not lost."""
    from comity.ingest.readers import FORMATS, detect_format, read_rows, write_rejects
    from comity.ingest.service import IngestReport, ingest_rows

    total = IngestReport()
    rejected_rows: list[tuple[str, int, str, str, str]] = []
    if fmt is not None and fmt not in FORMATS:
        raise fail(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}", 2)
    formats: dict[Path, str] = {}
    for path in paths:
        if not path.is_file():
            raise fail(f"no such file: {path}", 2)
        try:
            formats[path] = fmt or detect_format(path)
        except ValueError as error:
            raise fail(str(error), 2) from None
    from comity.runtime.services import QueueingSink

    with open_services() as services:
        # In the scale-out mode the workers process what the import queues.
        sink = QueueingSink(services) if services.queue is not None else services.comments
        for path in paths:
            rows = read_rows(path, formats[path])
            lines = _count_lines(path)
            if lines > PROGRESS_THRESHOLD and not as_json:
                with _progress() as progress:
                    task = progress.add_task(f"importing {path.name}", total=lines)

                    def advance(done: int, task: TaskID = task) -> None:
                        progress.advance(task, done)

                    report = ingest_rows(rows, sink, source="import", on_progress=advance)
                    progress.update(task, completed=lines)
            else:
                report = ingest_rows(rows, sink, source="import")
            total.inserted += report.inserted
            total.updated += report.updated
            total.unchanged += report.unchanged
            total.rejected.extend(report.rejected)
            for bad in report.rejected:
                typer.echo(f"{path}:{bad.line}: {bad.code} {bad.message}", err=True)
                rejected_rows.append((str(path), bad.line, bad.code, bad.message, bad.raw))
        processed = services.runner.run_pending() if process and sink is services.comments else 0
    rejects_path: Path | None = None
    if rejected_rows:
        rejects_path = rejects or paths[0].with_name(paths[0].name + ".rejects.jsonl")
        write_rejects(rejects_path, rejected_rows)
    summary = total.as_dict() | {"processed": processed}
    if rejects_path is not None:
        summary["rejects_file"] = str(rejects_path)
    if as_json:
        typer.echo(json.dumps(summary))
    else:
        console.print(
            f"imported: {total.inserted} new, {total.updated} updated, "
            f"{total.unchanged} unchanged, {len(total.rejected)} rejected"
            + (f" (written to {rejects_path})" if rejects_path else ""),
            highlight=False,
        )
    if total.rejected:
        raise typer.Exit(1)


def stats_command(
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Counts of comments per channel, language and status."""
    from comity.store.cases import CaseRepository

    with open_services() as services:
        stats = services.comments.stats() | {"queues": CaseRepository(services.engine).counts()}
    if as_json:
        typer.echo(json.dumps(stats, ensure_ascii=False))
        return
    console.print(
        f"comments: {stats['comments']}  authors: {stats['authors']}  pending: {stats['pending']}"
    )
    for group in ("channels", "languages", "statuses", "categories", "queues"):
        values = ", ".join(f"{key} {count}" for key, count in stats[group].items())
        console.print(f"{group}: {values or '-'}", highlight=False)


def process_command() -> None:
    """Run every pending stored comment through the pipeline now."""
    with open_services() as services:
        done = services.runner.run_pending()
    console.print(f"processed {done} comments")


def version_command() -> None:
    """Print the Comity version."""
    typer.echo(f"comity {comity.__version__}")


def serve_command(
    host: Annotated[str | None, typer.Option(help="Address to bind (default 127.0.0.1).")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default 8000).")] = None,
) -> None:
    """Run the web server (inbox UI and API)."""
    import uvicorn

    from comity.web.app import create_app

    settings = load_settings()
    bind_host = host or settings.host
    bind_port = port or settings.port
    console.print(
        f"Comity {comity.__version__} on http://{bind_host}:{bind_port}  (data: "
        f"{settings.resolved_database_url})",
        highlight=False,
    )
    uvicorn.run(create_app(settings), host=bind_host, port=bind_port, log_level="info")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_command)
    app.command("import")(import_command)
    app.command("stats")(stats_command)
    app.command("process")(process_command)
    app.command("version")(version_command)
