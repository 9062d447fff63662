"""Built-in connectors, registered through the same hook third-party plugins use."""

from __future__ import annotations

from typing import Any

from comity.connectors.generic import GenericConnector
from comity.connectors.youtube import YouTubeConnector
from comity.plugins.hookspecs import hookimpl


@hookimpl
def register_connectors() -> list[Any]:
    return [GenericConnector, YouTubeConnector]
