"""`comity worker`: a pipeline process of the scale-out mode (Redis Streams)."""

from __future__ import annotations

import signal
import threading
from typing import Annotated

import typer

from comity.cli.common import console, fail, load_settings, open_services


def worker_command(
    once: Annotated[
        bool, typer.Option("--once", help="Work until the streams are empty, then exit.")
    ] = False,
    batch_size: Annotated[
        int, typer.Option(min=1, max=5000, help="Entries taken from a stream at a time.")
    ] = 200,
) -> None:
    """Run the pipeline for comments queued on Redis Streams (needs queue_url)."""
    from redis.exceptions import RedisError

    settings = load_settings()
    if not settings.queue_url:
        raise fail("queue_url is not set; without it `comity serve` runs the pipeline itself", 2)
    with open_services(settings) as services:
        worker = services.stream_worker()
        worker.batch_size = batch_size
        try:
            worker.queue.ensure_groups()
        except RedisError as error:
            raise fail(f"cannot reach Redis at {settings.queue_url}: {error}", 1) from None
        if once:
            total = 0
            while done := worker.run_once():
                total += done
            worker.close()
            console.print(f"processed {total} comments")
            return
        stop = threading.Event()
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, lambda *_: stop.set())
        console.print(
            f"worker {worker.name}: {worker.queue.partitions} partitions on {settings.queue_url}",
            highlight=False,
        )
        worker.run_forever(stop)


def register(app: typer.Typer) -> None:
    app.command("worker")(worker_command)
