"""`comity rules check|backtest` and `comity netiquette export`."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from comity.cli.common import load_settings, open_services
from comity.domain import Comment, Triage
from comity.netiquette import (
    RuleFileError,
    RuleSet,
    backtest,
    load_default_rules,
    load_rules,
    render_html,
    render_markdown,
)
from comity.netiquette.schema import parse_duration
from comity.netiquette.stage import InMemoryHistory, author_context

rules_app = typer.Typer(help="Check netiquette rule files.", no_args_is_help=True)
netiquette_app = typer.Typer(help="The public netiquette page.", no_args_is_help=True)


class PageFormat(StrEnum):
    MD = "md"
    HTML = "html"


class PageLang(StrEnum):
    KO = "ko"
    EN = "en"
    DE = "de"


def _print_problems(error: RuleFileError, *, err: bool) -> None:
    for problem in error.problems:
        typer.echo(str(problem), err=err)


@rules_app.command("check")
def check(
    file: Annotated[Path, typer.Argument(help="The YAML rule file to validate.")],
) -> None:
    """Validate a rule file: exit 0 when valid, 1 with FILE:LINE: CODE message per problem."""
    try:
        ruleset = load_rules(file)
    except RuleFileError as error:
        _print_problems(error, err=False)
        count = len(error.problems)
        typer.echo(f"{file}: {count} problem{'s' if count != 1 else ''}", err=True)
        raise typer.Exit(1) from None
    enabled = sum(1 for rule in ruleset.rules if rule.enabled)
    typer.echo(f"{file}: ok, {len(ruleset.rules)} rules ({enabled} enabled)")


@netiquette_app.command("export")
def export(
    format: Annotated[
        PageFormat, typer.Option("--format", help="md (Markdown) or html (a <section>).")
    ] = PageFormat.MD,
    lang: Annotated[PageLang, typer.Option("--lang", help="Page language.")] = PageLang.KO,
    rules: Annotated[
        Path | None,
        typer.Option("--rules", help="Rule file to publish (default: the built-in rules)."),
    ] = None,
) -> None:
    """Print the public netiquette page generated from a rule set."""
    try:
        ruleset: RuleSet = load_default_rules() if rules is None else load_rules(rules)
    except RuleFileError as error:
        _print_problems(error, err=True)
        raise typer.Exit(1) from None
    render = render_markdown if format is PageFormat.MD else render_html
    typer.echo(render(ruleset, lang.value), nl=False)


@rules_app.command("backtest")
def backtest_command(
    file: Annotated[Path, typer.Argument(help="The candidate YAML rule file.")],
    since: Annotated[
        str, typer.Option(help="How far back to replay: e.g. 30d, 12h, or 'all'.")
    ] = "30d",
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Replay stored comments through a rule file and compare with the active rules."""
    try:
        candidate = load_rules(file)
    except RuleFileError as error:
        _print_problems(error, err=True)
        raise typer.Exit(1) from None
    window = None if since == "all" else _duration(since)
    settings = load_settings()
    active = load_rules(settings.rules_file) if settings.rules_file else load_default_rules()
    with open_services(settings) as services:
        history = InMemoryHistory()
        for channel, handle, at in services.history.all_strikes():
            history.add_strike(channel, handle, at)
        start = datetime.now(UTC) - window if window is not None else None

        def replay() -> Iterator[tuple[Comment, Triage | None]]:
            # Each comment sees only the texts written before it, exactly as live judging did.
            for comment, triage in services.comments.iter_with_triage(start):
                yield comment, triage
                history.add_comment(comment)

        report = backtest(
            candidate,
            active,
            replay(),
            context_for=lambda comment: author_context(candidate, comment, history),
        )
    if as_json:
        typer.echo(json.dumps(report.as_dict(), ensure_ascii=False, default=str))
        return
    for line in report.summary():
        typer.echo(line)


def _duration(text: str) -> timedelta:
    value = parse_duration(text)
    if value is None:
        raise typer.BadParameter(
            f"{text!r} is not a duration like 30d or 12h", param_hint="--since"
        )
    return value


def register(app: typer.Typer) -> None:
    app.add_typer(rules_app, name="rules")
    app.add_typer(netiquette_app, name="netiquette")
