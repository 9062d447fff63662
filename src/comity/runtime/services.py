"""Everything a process needs, built once from Settings (never at import time)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine

from comity.domain import Comment, Stage
from comity.ingest.service import Outcome
from comity.monitoring.config import MonitoringConfig, load_config
from comity.monitoring.consumer import MonitorConsumer
from comity.monitoring.sinks import AlertSink, AppriseSink
from comity.netiquette import RuleHolder
from comity.runtime.inprocess import BatchConsumer, InProcessRunner
from comity.runtime.pipeline import Pipeline, build_pipeline, load_rule_holder
from comity.settings import Settings
from comity.store.comments import CommentRepository
from comity.store.db import make_engine, migrate
from comity.store.history import StoreAuthorHistory
from comity.store.monitoring import MonitorRepository
from comity.store.users import UserRepository

if TYPE_CHECKING:  # redis is imported only in the scale-out mode
    from comity.actions import ActionContext
    from comity.runtime.automatic import AutomaticSteps
    from comity.runtime.delivery import Delivery
    from comity.runtime.streams import StreamQueue, StreamWorker

log = logging.getLogger(__name__)


@dataclass
class Services:
    settings: Settings
    engine: Engine
    comments: CommentRepository
    users: UserRepository
    history: StoreAuthorHistory
    stages: Sequence[Stage] | None = None
    monitor: MonitorRepository | None = None
    _monitoring: MonitoringConfig | None = field(default=None, repr=False)
    _consumer: MonitorConsumer | None = field(default=None, repr=False)
    _pipeline: Pipeline | None = field(default=None, repr=False)
    _rules: RuleHolder | None = field(default=None, repr=False)
    _runner: InProcessRunner | None = field(default=None, repr=False)
    _runner_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _wakeup: threading.Event = field(default_factory=threading.Event, repr=False)
    _stop: threading.Event = field(default_factory=threading.Event, repr=False)
    _worker: threading.Thread | None = field(default=None, repr=False)
    _queue: StreamQueue | None = field(default=None, repr=False)
    _delivery: Delivery | None = field(default=None, repr=False)
    _delivery_thread: threading.Thread | None = field(default=None, repr=False)

    @classmethod
    def from_settings(
        cls, settings: Settings, *, stages: Sequence[Stage] | None = None
    ) -> Services:
        """Connect, migrate and assemble repositories; `stages` replaces the configured pipeline."""
        engine = make_engine(settings.resolved_database_url)
        migrate(engine)
        return cls(
            settings=settings,
            engine=engine,
            comments=CommentRepository(engine),
            users=UserRepository(engine),
            history=StoreAuthorHistory(engine),
            stages=stages,
            monitor=MonitorRepository(engine),
        )

    @property
    def pipeline(self) -> Pipeline:
        """Models, rules and playbook, loaded on first use (commands like `stats` never pay)."""
        if self._pipeline is None:
            crisis = self.monitor.crisis_policies if self.monitor is not None else None
            self._pipeline = build_pipeline(self.settings, self.history, self.rules, crisis)
            # Fine-tuned weights activated by `comity train` are picked up between batches.
            from comity.triage.registry import ModelRegistry

            self._pipeline.triager.watch(ModelRegistry(self.settings.data_dir / "models"))
        return self._pipeline

    def research_models(self) -> bool:
        """Whether triage runs on research-licensed weights (the UI must say so).

        Exact once the pipeline is loaded (the serving process loads it at start, and it
        follows `comity train` activations); before that, the configured bundle.
        """
        if self._pipeline is not None:
            return self._pipeline.triager.bundle_info.research
        return self.settings.triage_bundle == "research"

    @property
    def rules(self) -> RuleHolder:
        """The active netiquette rules (shared with the pipeline's netiquette stage)."""
        if self._rules is None:
            self._rules = load_rule_holder(self.settings)
        return self._rules

    def _stages(self) -> list[Stage]:
        """The stages given to `from_settings`, else the configured pipeline's."""
        return list(self.stages) if self.stages is not None else self.pipeline.stages

    @property
    def runner(self) -> InProcessRunner:
        with self._runner_lock:
            if self._runner is None:
                consumers: list[BatchConsumer] = [self.automatic_steps()]
                if self.monitor is not None:
                    consumers.append(self.monitor_consumer)
                self._runner = InProcessRunner(
                    self.comments, self._stages(), history=self.history, consumers=consumers
                )
            return self._runner

    @property
    def monitoring(self) -> MonitoringConfig:
        """Detector thresholds, first steps and crisis policy (the file, or the defaults)."""
        if self._monitoring is None:
            self._monitoring = load_config(self.settings.monitoring_file)
        return self._monitoring

    def action_context(self) -> ActionContext:
        """The context actions run in: the brand profile's four-eyes rule for replies and what
        the configured connectors can undo."""
        from comity.actions import ActionContext
        from comity.actions.approval import ReplyApproval
        from comity.replies import ApprovalPolicy, ProfileError, load_profile
        from comity.replies.profile import DEMO_PROFILE, profile_path

        path = profile_path(self.settings.brand_profile_file, self.settings.data_dir)
        try:
            profile = load_profile(path)
        except ProfileError:  # a broken edit must not stop replies; the editor shows why
            profile = load_profile(DEMO_PROFILE)
        policy = ApprovalPolicy.from_profile(profile)
        return ActionContext(
            engine=self.engine,
            approval_policy=ReplyApproval(self.engine, policy),
            # Undo of an effect that reached the channel needs a connector that can reverse it.
            channel_allows=self.delivery.links.allows,
        )

    @property
    def monitor_consumer(self) -> MonitorConsumer:
        """The storm detector, fed every saved pipeline batch."""
        if self._consumer is None:
            assert self.monitor is not None
            sinks: list[AlertSink] = (
                [AppriseSink(self.settings.alert_urls)] if self.settings.alert_urls else []
            )
            self._consumer = MonitorConsumer(self.monitor, self.monitoring, sinks)
        return self._consumer

    @property
    def queue(self) -> StreamQueue | None:
        """The Redis Streams of the scale-out mode (None: the pipeline runs in this process)."""
        if not self.settings.queue_url:
            return None
        if self._queue is None:
            from redis import Redis

            from comity.runtime.streams import StreamQueue

            client = Redis.from_url(self.settings.queue_url, socket_timeout=10)
            self._queue = StreamQueue(
                client,
                prefix=self.settings.queue_prefix,
                partitions=self.settings.queue_partitions,
            )
        return self._queue

    def stream_worker(self) -> StreamWorker:
        """A `comity worker`: the pipeline without the in-process detector, which it feeds."""
        from comity.runtime.streams import StreamWorker

        queue = self.queue
        if queue is None:
            raise RuntimeError("queue_url is not set: the pipeline runs in-process")
        runner = InProcessRunner(
            self.comments, self._stages(), history=self.history, consumers=[self.automatic_steps()]
        )
        monitor = self.monitor
        return StreamWorker(
            queue=queue,
            runner=runner,
            repository=self.comments,
            monitor=(lambda: self._fresh_monitor_consumer()) if monitor is not None else None,
            monitor_watermark=(lambda: monitor.load_state()[1]) if monitor is not None else None,
            delivery=self.delivery.tick,
        )

    def automatic_steps(self) -> AutomaticSteps:
        """The batch consumer that carries out plans' automatic steps (runtime/automatic.py)."""
        from comity.runtime.automatic import AutomaticSteps

        return AutomaticSteps(self.action_context)

    @property
    def delivery(self) -> Delivery:
        """Outbox delivery through the configured connectors (an unknown kind raises here)."""
        if self._delivery is None:
            from comity.runtime.delivery import Delivery
            from comity.store.events import EventLog
            from comity.store.outbox import Outbox

            self._delivery = Delivery.from_settings(
                self.settings, Outbox(self.engine), EventLog(self.engine)
            )
        return self._delivery

    def _delivery_loop(self) -> None:
        while not self._stop.wait(self.settings.delivery_interval):
            try:
                report = self.delivery.run_once()
                if report.attempted:
                    log.info("outbox delivery: %s", report)
                self.delivery.housekeeping()
            except Exception:  # keep serving; entries stay pending for the next pass
                log.exception("outbox delivery pass failed; entries will be retried")

    def _fresh_monitor_consumer(self) -> MonitorConsumer:
        """State is reloaded from the store: another worker may have fed the detector."""
        self._consumer = None
        return self.monitor_consumer

    def start_background_pipeline(self) -> None:
        """Process pending comments in a thread, woken by `notify_ingested`.

        In the scale-out mode `comity worker` processes do this instead.
        """
        if self._worker is not None or self.settings.queue_url:
            return
        self._stop.clear()
        self._worker = threading.Thread(target=self._loop, name="comity-pipeline", daemon=True)
        self._worker.start()
        self._wakeup.set()
        _ = self.delivery  # a bad `connectors` setting stops the start, not a thread later
        self._delivery_thread = threading.Thread(
            target=self._delivery_loop, name="comity-delivery", daemon=True
        )
        self._delivery_thread.start()

    def notify_ingested(self, comments: Sequence[Comment] = ()) -> None:
        """New comments are stored: wake the background pipeline, or queue them for workers.

        A failed publish loses nothing: the comments stay pending in the database and the
        workers' sweep queues them again.
        """
        queue = self.queue
        if queue is None:
            self._wakeup.set()
            return
        try:
            queue.publish(comments)
        except Exception:
            log.exception("could not queue %d comments; the workers' sweep will", len(comments))

    def _loop(self) -> None:
        while not self._stop.is_set():
            self._wakeup.wait(timeout=30)
            self._wakeup.clear()
            if self._stop.is_set():
                break
            try:
                self.runner.run_pending()
            except Exception:  # keep serving; the comments stay pending for the next pass
                log.exception("pipeline pass failed; pending comments will be retried")

    def close(self) -> None:
        self._stop.set()
        self._wakeup.set()
        if self._worker is not None:
            self._worker.join(timeout=10)
            self._worker = None
        if self._delivery_thread is not None:
            self._delivery_thread.join(timeout=10)
            self._delivery_thread = None
        if self._delivery is not None:
            self._delivery.close()
        if self._queue is not None:
            self._queue.client.close()
        self.engine.dispose()


@dataclass(frozen=True)
class QueueingSink:
    """Stores like the repository, then queues what it stored for the workers."""

    services: Services

    def upsert_many(
        self, comments: Sequence[Comment], raw: Sequence[dict[str, Any]], *, source: str
    ) -> list[Outcome]:
        outcomes = self.services.comments.upsert_many(comments, raw, source=source)
        self.services.notify_ingested(
            [c for c, o in zip(comments, outcomes, strict=True) if o is not Outcome.UNCHANGED]
        )
        return outcomes
