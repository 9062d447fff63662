"""Triage: normalisation, language id, signals and the category decision."""
