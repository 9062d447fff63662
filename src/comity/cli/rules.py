"""`comity rules check` and `comity netiquette export`: rule files without a database."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from comity.netiquette import (
    RuleFileError,
    RuleSet,
    load_default_rules,
    load_rules,
    render_html,
    render_markdown,
)

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


def register(app: typer.Typer) -> None:
    app.add_typer(rules_app, name="rules")
    app.add_typer(netiquette_app, name="netiquette")
