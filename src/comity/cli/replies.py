"""`comity replies check` (hints for a draft) and `comity replies suggest` (drafts for records)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer

from comity.cli.common import console, fail, load_settings, open_services
from comity.replies import CaseInput, ProfileError, check, load_profile, suggest
from comity.replies.profile import BrandProfile, profile_path

replies_app = typer.Typer(
    help="Reply drafts: check a draft against the brand profile, suggest drafts for comments.",
    no_args_is_help=True,
)
ProfileOpt = Annotated[
    Path | None,
    typer.Option("--profile", help="Brand profile YAML (default: the configured one)."),
]
LANGS = ("ko", "en", "de")


def _profile(path: Path | None) -> BrandProfile:
    if path is None:
        settings = load_settings()
        path = profile_path(settings.brand_profile_file, settings.data_dir)
    try:
        return load_profile(path)
    except ProfileError as error:
        raise fail(str(error), 2) from None


@replies_app.command("check")
def check_command(
    draft: Annotated[str, typer.Argument(help="The reply draft to check.")],
    channel: Annotated[str, typer.Option("--channel", help="Channel it goes to, e.g. instagram.")],
    lang: Annotated[
        str | None, typer.Option("--lang", help="ko, en or de (guessed if unset).")
    ] = None,
    profile: ProfileOpt = None,
    category: Annotated[
        str | None, typer.Option("--category", help="The case's category (voice overrides).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="A JSON list of hints.")] = False,
) -> None:
    """Print the hints for a draft (exit 0 even with hints; 2 on bad input)."""
    if not draft.strip():
        raise fail("the draft is empty", 2)
    if lang is not None and lang not in LANGS:
        raise fail(f"unknown language {lang!r}; use one of {', '.join(LANGS)}", 2)
    if not channel.strip():
        raise fail("--channel must name a channel", 2)
    hints = check(draft, channel.strip(), lang, _profile(profile), category=category)
    if as_json:
        sys.stdout.write(json.dumps([h.as_dict() for h in hints], ensure_ascii=False) + "\n")
        return
    if not hints:
        console.print("no hints: the draft fits the brand voice", highlight=False)
    for hint in hints:
        flag = " (blocking)" if hint.blocking else ""
        console.print(
            f"{hint.severity}: {hint.kind}{flag}: {hint.message}", highlight=False, soft_wrap=True
        )
        closest = hint.detail.get("closest_text")
        if closest:
            console.print(f"  closest: {closest}", highlight=False, soft_wrap=True)


def _case_from(record: Any) -> CaseInput:
    if not isinstance(record, dict):
        raise ValueError("a record must be a JSON object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("'text' must be a non-empty string")
    context = record.get("context") if isinstance(record.get("context"), dict) else {}
    category = record.get("primary") or record.get("category") or "neutral"
    lang = record.get("lang")
    return CaseInput(
        id=str(record.get("id", "")),
        text=text,
        channel=str(record.get("channel") or "other"),
        category=str(category),
        lang=str(lang) if lang else None,
        author=str(record.get("author") or ""),
        author_name=str(record.get("author_name") or ""),
        context=dict(context or {}),
    )


def suggest_jsonl(profile: BrandProfile, lines: TextIO, out: TextIO, triage: bool) -> int:
    """Drafts per record; bad lines become error records. Returns the number of errors."""
    errors = 0
    parsed: list[tuple[int, Any, CaseInput | str]] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        record_id: Any = None
        try:
            record = json.loads(line)
            record_id = record.get("id") if isinstance(record, dict) else None
            parsed.append((number, record_id, _case_from(record)))
        except (json.JSONDecodeError, ValueError) as error:
            parsed.append((number, record_id, f"line {number}: {error}"))
    if triage:
        parsed = _triaged(parsed)
    for _number, record_id, case in parsed:
        if isinstance(case, str):
            errors += 1
            out.write(json.dumps({"id": record_id, "error": case}, ensure_ascii=False) + "\n")
            continue
        drafts = [d.text for d in suggest(case, profile)]
        out.write(json.dumps({"id": record_id, "drafts": drafts}, ensure_ascii=False) + "\n")
    return errors


def _triaged(
    parsed: list[tuple[int, Any, CaseInput | str]],
) -> list[tuple[int, Any, CaseInput | str]]:
    """Categories from triage instead of the records' labels."""
    from dataclasses import replace

    from comity.triage import Triager
    from comity.triage.decide import DecisionContext
    from comity.triage.triager import TriageInput

    cases = [(i, c) for i, (_, _, c) in enumerate(parsed) if isinstance(c, CaseInput)]
    inputs = [TriageInput(c.text, c.lang, DecisionContext(channel=c.channel)) for _, c in cases]
    results = Triager.load().triage_inputs(inputs)
    out = list(parsed)
    for (i, case), result in zip(cases, results, strict=True):
        number, record_id, _ = parsed[i]
        out[i] = (
            number,
            record_id,
            replace(case, category=result.primary.value, lang=case.lang or result.lang),
        )
    return out


@replies_app.command("suggest")
def suggest_command(
    jsonl: Annotated[
        bool, typer.Option("--jsonl", help="Read records from stdin, write {id, drafts} lines.")
    ] = False,
    profile: ProfileOpt = None,
    triage: Annotated[
        bool, typer.Option("--triage", help="Take the category from triage, not the labels.")
    ] = False,
) -> None:
    """Suggest 2-3 reply drafts per record (TAXONOMY.md evaluation format) with --jsonl."""
    if not jsonl:
        raise fail("give --jsonl and records on stdin", 2)
    errors = suggest_jsonl(_profile(profile), sys.stdin, sys.stdout, triage)
    if errors:
        raise fail(f"{errors} bad record(s); see the error lines", 1)


@replies_app.command("seed")
def seed_command() -> None:
    """Add the shipped saved replies (ko/en/de per category) the team does not have yet."""
    from comity.replies.templates import load_templates
    from comity.store.saved_replies import SavedReplyRepository

    with open_services() as services:
        repo = SavedReplyRepository(services.engine)
        added = repo.seed(load_templates())
        total = len(repo.list())
    console.print(f"added {added} saved replies ({total} in the team's library)", highlight=False)


@replies_app.command("list")
def list_command(
    category: Annotated[str | None, typer.Option("--category", help="Only this category.")] = None,
    lang: Annotated[str | None, typer.Option("--lang", help="Only this language.")] = None,
) -> None:
    """The team's saved replies with their usage counts (tab-separated)."""
    from comity.store.saved_replies import SavedReplyRepository

    with open_services() as services:
        replies = SavedReplyRepository(services.engine).list(category, lang)
    for reply in replies:
        sys.stdout.write(
            f"{reply.key}\t{reply.category}\t{reply.lang}\t{reply.level or '-'}\t"
            f"{reply.usage_count}\t{reply.text}\n"
        )


def register(app: typer.Typer) -> None:
    app.add_typer(replies_app, name="replies")
