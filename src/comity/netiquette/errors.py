"""Numbered, user-facing errors of rule files (codes stay stable; docs list them all)."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


class Errors:
    """Message templates by code; `Problem.code` names the attribute."""

    R001 = "cannot read the rule file: {detail}"
    R002 = "invalid YAML: {detail}"
    R003 = "unknown key {key!r}{hint}"
    R004 = "missing required key {key!r}{where}"
    R005 = "duplicate rule id {id!r} (first defined on line {first})"
    R006 = "rule id {id!r} is not a slug: use lowercase letters, digits, '-' and '_'"
    R007 = "unknown action {action!r}{hint}; use one of: {known}"
    R008 = "reason lacks the {lang!r} text; every reason needs ko, en and de"
    R009 = "bad duration {value!r}: write a number and a unit, e.g. 30m, 12h, 7d or 2w"
    R010 = "bad regex {pattern!r}: {detail}"
    R011 = "regex {pattern!r} rejected: {detail}"
    R012 = "unknown signal {name!r}{hint}; known signals: {known}"
    R013 = "bad operator {op!r}; use one of >=, >, <=, <"
    R014 = "{what} must be {expected}, not {got}"
    R015 = "empty condition{where}: it would match nothing (or everything)"
    R016 = "severity {value!r} out of range: use 1-5 or low, medium, high"
    R017 = "unknown {kind} {value!r}{hint}"
    R018 = "action {action!r} {detail}"
    R019 = "key {key!r} appears twice in the same mapping"
    R020 = "bad ladder: {detail}"
    R021 = "unsupported version {value!r}; this Comity reads version 1"
    R022 = "{what} {value!r} is empty after normalisation"
    R023 = "{what} {value!r} out of range: {detail}"
    R024 = "the rule file has no rules"


@dataclass(frozen=True, slots=True)
class Problem:
    """One mistake in a rule file, located by file and line (1-based; 0 when unknown)."""

    file: str
    line: int
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.code} {self.message}"


def problem(file: str, line: int, code: str, **values: object) -> Problem:
    """A Problem whose message is the code's template filled with `values`."""
    template: str = getattr(Errors, code)
    return Problem(file, line, code, template.format(**values))


class RuleFileError(ValueError):
    """A rule file could not be loaded; `problems` lists every mistake found."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """' (did you mean 'x'?)' for a close match, else ''."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def all_codes() -> list[str]:
    """Every error code, for the docs test."""
    return sorted(name for name in vars(Errors) if name.startswith("R") and name[1:].isdigit())
