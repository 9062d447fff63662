"""Everything a process needs, built once from Settings (never at import time)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import Engine

from comity.domain import Stage
from comity.monitoring.config import MonitoringConfig, load_config
from comity.monitoring.consumer import MonitorConsumer
from comity.monitoring.sinks import AlertSink, AppriseSink
from comity.netiquette import RuleHolder
from comity.runtime.inprocess import InProcessRunner
from comity.runtime.pipeline import Pipeline, build_pipeline, load_rule_holder
from comity.settings import Settings
from comity.store.comments import CommentRepository
from comity.store.db import make_engine, migrate
from comity.store.history import StoreAuthorHistory
from comity.store.monitoring import MonitorRepository
from comity.store.users import UserRepository

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
        return self._pipeline

    @property
    def rules(self) -> RuleHolder:
        """The active netiquette rules (shared with the pipeline's netiquette stage)."""
        if self._rules is None:
            self._rules = load_rule_holder(self.settings)
        return self._rules

    @property
    def runner(self) -> InProcessRunner:
        with self._runner_lock:
            if self._runner is None:
                stages = list(self.stages) if self.stages is not None else self.pipeline.stages
                consumers = [self.monitor_consumer] if self.monitor is not None else []
                self._runner = InProcessRunner(
                    self.comments, stages, history=self.history, consumers=consumers
                )
            return self._runner

    @property
    def monitoring(self) -> MonitoringConfig:
        """Detector thresholds, first steps and crisis policy (the file, or the defaults)."""
        if self._monitoring is None:
            self._monitoring = load_config(self.settings.monitoring_file)
        return self._monitoring

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

    def start_background_pipeline(self) -> None:
        """Process pending comments in a thread, woken by `notify_ingested`."""
        if self._worker is not None:
            return
        self._stop.clear()
        self._worker = threading.Thread(target=self._loop, name="comity-pipeline", daemon=True)
        self._worker.start()
        self._wakeup.set()

    def notify_ingested(self) -> None:
        """New comments are stored; the background pipeline should look for work."""
        self._wakeup.set()

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
        self.engine.dispose()
