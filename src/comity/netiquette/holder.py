"""Keeps the active rule set; a failed reload leaves the previous valid set in force."""

from __future__ import annotations

import threading
from pathlib import Path

from comity.netiquette.errors import Problem, RuleFileError
from comity.netiquette.loader import load_default_rules, load_rules
from comity.netiquette.ruleset import RuleSet


class RuleHolder:
    """The rule set the pipeline uses now, swapped atomically on a successful reload."""

    def __init__(self, ruleset: RuleSet | None = None, path: str | Path | None = None) -> None:
        self._ruleset = ruleset if ruleset is not None else load_default_rules()
        self._path = Path(path) if path is not None else None
        self._lock = threading.Lock()
        self.last_problems: list[Problem] = []

    @property
    def current(self) -> RuleSet:
        return self._ruleset

    @property
    def path(self) -> Path | None:
        return self._path

    def replace(self, ruleset: RuleSet) -> None:
        """Activate an already validated rule set."""
        with self._lock:
            self._ruleset = ruleset
            self.last_problems = []

    def reload(self, path: str | Path | None = None) -> list[Problem]:
        """Load `path` (or the last path); on problems keep the current set and return them."""
        target = Path(path) if path is not None else self._path
        if target is None:
            return []
        with self._lock:
            try:
                ruleset = load_rules(target)
            except RuleFileError as error:
                self.last_problems = error.problems
                return error.problems
            self._ruleset, self._path, self.last_problems = ruleset, target, []
            return []
