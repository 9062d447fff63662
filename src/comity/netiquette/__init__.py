"""Netiquette: the rule language, its evaluation, strikes and the ladder (pure, no I/O).

Storage reaches this package only through `AuthorHistory`; see docs/netiquette.md.
"""

from comity.netiquette.backtest import BacktestReport, Example, RuleReport, backtest
from comity.netiquette.context import AuthorContext
from comity.netiquette.errors import Problem, RuleFileError
from comity.netiquette.holder import RuleHolder
from comity.netiquette.ladder import (
    DEFAULT_LADDER,
    Ladder,
    Step,
    active_strikes,
    enforce,
)
from comity.netiquette.loader import check_rules, load_default_rules, load_rules, parse_rules
from comity.netiquette.reminders import reminder_for, reminder_text
from comity.netiquette.render import render_html, render_markdown
from comity.netiquette.ruleset import NetiquetteHit, Rule, RuleSet
from comity.netiquette.stage import AuthorHistory, InMemoryHistory, netiquette_stage

__all__ = [
    "DEFAULT_LADDER",
    "AuthorContext",
    "AuthorHistory",
    "BacktestReport",
    "Example",
    "InMemoryHistory",
    "Ladder",
    "NetiquetteHit",
    "Problem",
    "Rule",
    "RuleFileError",
    "RuleHolder",
    "RuleReport",
    "RuleSet",
    "Step",
    "active_strikes",
    "backtest",
    "check_rules",
    "enforce",
    "load_default_rules",
    "load_rules",
    "netiquette_stage",
    "parse_rules",
    "reminder_for",
    "reminder_text",
    "render_html",
    "render_markdown",
]
