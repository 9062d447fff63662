"""The generic connector: payloads already in Comity's import schema (signed webhooks, files)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, ClassVar

import httpx

from comity.connectors.base import ActionResult, NotSupported, OutboundAction, PollResult


class GenericConnector:
    """Push-only: records arrive as one record or `{"comments": [...]}`; nothing goes back."""

    name: ClassVar[str] = "generic"
    supported_actions: ClassVar[frozenset[str]] = frozenset()

    def to_records(self, payload: Mapping[str, Any]) -> list[dict[str, Any]]:
        comments = payload.get("comments")
        if comments is None:
            return [dict(payload)]
        if not isinstance(comments, list):
            raise ValueError("'comments' must be a list of import records")
        return [dict(record) for record in comments]

    def poll(self, client: httpx.Client, since: datetime | None, cursor: str | None) -> PollResult:
        raise NotSupported("the generic connector is push-only (use the signed webhook)")

    def perform(self, client: httpx.Client, action: OutboundAction) -> ActionResult:
        raise NotSupported("the generic connector cannot act on its source channel")
