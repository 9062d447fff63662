"""Triage: normalisation, language id, signals and the category decision."""

from comity.triage.triager import Triager

__all__ = ["Triager"]
