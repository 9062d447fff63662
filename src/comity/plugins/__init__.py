"""Plugin manager: built-in plugins and third-party `comity` entry points, one hookspec file."""

from __future__ import annotations

import importlib
from functools import lru_cache

import pluggy

from comity.plugins import hookspecs

# Built-in modules registered exactly like third-party plugins.
DEFAULT_PLUGINS: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def plugin_manager() -> pluggy.PluginManager:
    """The process-wide plugin manager with built-ins and installed entry points."""
    manager = pluggy.PluginManager("comity")
    manager.add_hookspecs(hookspecs)
    for name in DEFAULT_PLUGINS:
        manager.register(importlib.import_module(name), name=name)
    manager.load_setuptools_entrypoints("comity")
    return manager


__all__ = ["DEFAULT_PLUGINS", "hookspecs", "plugin_manager"]
