"""Where notifications go: any Apprise URL (Slack, Teams, e-mail, Telegram, webhooks …)."""

from __future__ import annotations

import logging
import warnings
from collections.abc import Sequence
from typing import Protocol

log = logging.getLogger(__name__)


class AlertSink(Protocol):
    def send(self, title: str, body: str) -> bool: ...


class AppriseSink:
    """One Apprise object for every configured URL; a failed delivery is logged, not raised."""

    def __init__(self, urls: Sequence[str]) -> None:
        with warnings.catch_warnings():
            # Apprise loads its plugins lazily; the e-mail one imports the deprecated imghdr.
            warnings.simplefilter("ignore", DeprecationWarning)
            import apprise

            self.urls = list(urls)
            self._apprise = apprise.Apprise()
            for url in self.urls:
                if not self._apprise.add(url):
                    raise ValueError(f"not an Apprise URL this installation supports: {url[:40]!r}")

    def send(self, title: str, body: str) -> bool:
        try:
            ok = bool(self._apprise.notify(title=title, body=body))
        except Exception:  # a sink must never stop the pipeline
            log.exception("alert notification failed")
            return False
        if not ok:
            log.warning("alert notification was not delivered to every URL")
        return ok
