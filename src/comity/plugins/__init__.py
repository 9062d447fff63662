"""Plugin manager: built-in plugins and third-party `comity` entry points, one hookspec file."""

from __future__ import annotations

import importlib
from functools import lru_cache
from typing import Any

import pluggy

from comity.plugins import hookspecs

# Built-in modules registered exactly like third-party plugins.
DEFAULT_PLUGINS: tuple[str, ...] = ("comity.connectors.builtin",)


@lru_cache(maxsize=1)
def plugin_manager() -> pluggy.PluginManager:
    """The process-wide plugin manager with built-ins and installed entry points."""
    manager = pluggy.PluginManager("comity")
    manager.add_hookspecs(hookspecs)
    for name in DEFAULT_PLUGINS:
        manager.register(importlib.import_module(name), name=name)
    manager.load_setuptools_entrypoints("comity")
    return manager


__all__ = ["DEFAULT_PLUGINS", "connector_classes", "hookspecs", "plugin_manager"]


def connector_classes() -> list[Any]:
    """Every registered connector class, built-in and third-party."""
    return [cls for found in plugin_manager().hook.register_connectors() for cls in found]
