"""Moves stored comments through the pipeline stages (in-process by default)."""

from comity.runtime.inprocess import InProcessRunner

__all__ = ["InProcessRunner"]
