"""The extension points. Built-ins register through these same hooks (DEFAULT_PLUGINS)."""

from __future__ import annotations

from typing import Any

import pluggy

hookspec = pluggy.HookspecMarker("comity")
hookimpl = pluggy.HookimplMarker("comity")


@hookspec
def register_connectors() -> list[Any]:  # type: ignore[empty-body]
    """Connector classes for channels (each implements comity.connectors' protocol)."""


@hookspec
def register_alert_sinks() -> list[Any]:  # type: ignore[empty-body]
    """Alert sinks for the early warning (Slack, e-mail, webhook, ...)."""


@hookspec
def register_classifiers() -> list[Any]:  # type: ignore[empty-body]
    """Extra signal classifiers that add to the triage signals."""
