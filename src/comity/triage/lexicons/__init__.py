"""Cue lexicons (ko/en/de), shape regexes and the brand profile used by the decision."""

from comity.triage.lexicons.cues import CueFinder, Cues, default_finder
from comity.triage.lexicons.profile import BrandProfile, Fact, load_profile

__all__ = ["BrandProfile", "CueFinder", "Cues", "Fact", "default_finder", "load_profile"]
