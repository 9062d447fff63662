"""The small protocol every channel connector implements (checked by one conformance test)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, ClassVar, Protocol

import httpx

# What the inbox may ask a channel to do; each connector says which it supports.
OUTBOUND_KINDS = frozenset({"reply", "like", "hide", "unhide", "delete"})


class NotSupported(Exception):
    """The channel cannot do this (e.g. YouTube has no API to like a comment)."""


class ConnectorError(Exception):
    """The channel answered with an error; the message carries its status and reason."""


@dataclass(frozen=True, slots=True)
class OutboundAction:
    kind: str
    external_id: str
    text: str = ""


@dataclass(frozen=True, slots=True)
class ActionResult:
    ok: bool
    detail: str = ""
    external_id: str | None = None


@dataclass(slots=True)
class PollResult:
    records: list[dict[str, Any]] = field(default_factory=list)
    cursor: str | None = None


class Connector(Protocol):
    """Turns a channel's payloads into import records and performs actions on the channel."""

    name: ClassVar[str]
    supported_actions: ClassVar[frozenset[str]]

    def to_records(self, payload: Mapping[str, Any]) -> list[dict[str, Any]]:
        """Import records (docs/import-format.md) for a received or polled payload."""
        ...

    def poll(self, client: httpx.Client, since: datetime | None, cursor: str | None) -> PollResult:
        """Fetch new comments; raise NotSupported for push-only channels."""
        ...

    def perform(self, client: httpx.Client, action: OutboundAction) -> ActionResult:
        """Carry out an action on the channel; raise NotSupported when it cannot."""
        ...


def connectors_by_name(connectors: Sequence[type[Connector]]) -> dict[str, type[Connector]]:
    """Index connector classes by name, refusing two with the same name."""
    found: dict[str, type[Connector]] = {}
    for connector in connectors:
        if connector.name in found:
            raise ValueError(f"two connectors are called {connector.name!r}")
        found[connector.name] = connector
    return found
