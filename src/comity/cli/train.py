"""`comity train`: fine-tune the signal heads on moderator decisions; list, activate, roll back.

Versions live in ``<data_dir>/models`` (never in the package); see docs/triage.md,
"Learning the community's own norms", and comity/triage/registry.py.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table

from comity.cli.common import console, fail, load_settings
from comity.cli.triage import _chunks, _input_from, _predict_taxonomy, _read_jsonl
from comity.triage.evaluation import evaluate_taxonomy
from comity.triage.registry import ModelRegistry, RegistryError
from comity.triage.signals import SignalModel
from comity.triage.triager import Triager

if TYPE_CHECKING:
    from comity.triage.finetune import Example

# The labelled dev set shipped beside the project (read when present, never copied).
SEED_DEV = Path("shared/data/seed_taxonomy/seed_taxonomy_dev.jsonl")


def _registry() -> ModelRegistry:
    return ModelRegistry(load_settings().data_dir / "models")


def default_eval_file() -> Path | None:
    """The seed dev set, looked for beside the working directory and the source tree."""
    here = Path(__file__).resolve()
    for base in (Path.cwd(), Path.cwd().parent, *here.parents):
        candidate = base / SEED_DEV
        if candidate.is_file():
            return candidate
    return None


def _db_records() -> list[dict[str, Any]]:
    from comity.cli.common import open_services
    from comity.store.decisions import decision_records

    with open_services() as services:
        return list(decision_records(services.engine))


def _examples(records: list[dict[str, Any]]) -> tuple[list[Example], int]:
    from comity.triage.finetune import targets_for

    examples = [e for e in (targets_for(r) for r in records) if e is not None]
    return examples, len(records) - len(examples)


def _agreement(triager: Triager, records: list[dict[str, Any]]) -> float | None:
    """Share of decided comments whose triage primary equals the moderators' label."""
    usable = [r for r in records if isinstance(r.get("text"), str) and r.get("primary")]
    if not usable:
        return None
    hits = 0
    for chunk in _chunks(usable, 512):
        results = triager.triage_inputs([_input_from(r) for r in chunk])
        hits += sum(t.primary.value == r["primary"] for t, r in zip(results, chunk, strict=True))
    return hits / len(usable)


def _evaluate(triager: Triager, records: list[dict[str, Any]]) -> dict[str, float]:
    predictions = _predict_taxonomy(triager, records)
    report = evaluate_taxonomy(records, predictions)
    return {
        "primary_macro_f1": round(report.primary_macro_f1, 4),
        "action_family_accuracy": round(report.action_family_accuracy, 4),
        "sentiment_accuracy": round(report.sentiment_accuracy, 4),
    }


def _print_list(registry: ModelRegistry) -> None:
    versions = registry.versions()
    table = Table(title=f"fine-tuned versions in {registry.root}")
    for column in ("", "version", "base", "license", "decisions", "eval after"):
        table.add_column(column)
    if registry.active() is None:
        console.print("active: the shipped bundle", highlight=False)
    for version in versions:
        meta = version.metadata
        tuned = meta.get("tuned_on", {})
        after = meta.get("evaluation", {}).get("after", {})
        table.add_row(
            "*" if version.active else "",
            version.name,
            str(meta.get("base_bundle", "")),
            str(meta.get("license_class", "")),
            str(tuned.get("decisions", "")),
            ", ".join(f"{k} {v}" for k, v in after.items()) or "—",
        )
    console.print(table)


def train_command(
    extra: Annotated[
        list[Path] | None,
        typer.Option(
            "--extra",
            help="Decisions JSONL to learn from (repeatable).",
            exists=True,
            dir_okay=False,
        ),
    ] = None,  # fmt: skip
    from_db: Annotated[
        bool, typer.Option("--from-db", help="Learn from the decisions in the database.")
    ] = False,
    export_decisions: Annotated[
        Path | None,
        typer.Option("--export-decisions", help="Write the database's decisions as JSONL."),
    ] = None,
    eval_file: Annotated[
        Path | None,
        typer.Option(
            "--eval",
            help="Labelled JSONL for before/after (default: seed dev set).",
            exists=True,
            dir_okay=False,
        ),
    ] = None,  # fmt: skip
    bundle: Annotated[
        str | None, typer.Option("--bundle", help="Shipped bundle to start from (default: config).")
    ] = None,
    activate: Annotated[
        bool, typer.Option("--activate/--no-activate", help="Make the new weights active.")
    ] = True,
    rollback: Annotated[
        bool, typer.Option("--rollback", help="Re-activate the previous weights.")
    ] = False,
    list_versions: Annotated[
        bool, typer.Option("--list", help="List the fine-tuned versions.")
    ] = False,
    use: Annotated[
        str | None, typer.Option("--use", help="Activate a listed version by name.")
    ] = None,
    l2: Annotated[float, typer.Option(help="Pull toward the shipped weights.")] = 0.01,
    steps: Annotated[int, typer.Option(help="Gradient steps per head.")] = 300,
) -> None:
    """Fine-tune the signal heads on moderator decisions into the data directory."""
    registry = _registry()
    if list_versions:
        _print_list(registry)
        return
    if rollback:
        try:
            now = registry.rollback()
        except RegistryError as error:
            raise fail(str(error)) from None
        console.print(f"active: {now or 'the shipped bundle'}", highlight=False)
        return
    if use is not None:
        try:
            registry.activate(use)
        except RegistryError as error:
            raise fail(str(error)) from None
        console.print(f"active: {use}", highlight=False)
        return
    if export_decisions is not None:
        exported = _db_records()
        with export_decisions.open("w", encoding="utf-8") as out:
            for record in exported:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        console.print(f"wrote {len(exported)} decisions to {export_decisions}", highlight=False)
        return
    records: list[dict[str, Any]] = []
    sources: list[str] = []
    for path in extra or []:
        records += _read_jsonl(path)
        sources.append(path.name)
    if from_db:
        records += _db_records()
        sources.append("database")
    if not sources:
        raise fail("give decisions: --extra FILE and/or --from-db (or --list, --rollback)")
    if not records:
        raise fail(f"no decisions in {', '.join(sources)} yet: label or moderate some comments")
    examples, skipped = _examples(records)
    if not examples:
        raise fail(f"none of the {len(records)} records has a usable label (see docs/triage.md)")
    _train(registry, records, examples, skipped, sources, bundle, eval_file, activate, l2, steps)


def _train(
    registry: ModelRegistry,
    records: list[dict[str, Any]],
    examples: list[Example],
    skipped: int,
    sources: list[str],
    bundle: str | None,
    eval_file: Path | None,
    activate: bool,
    l2: float,
    steps: int,
) -> None:
    base_name = bundle or load_settings().triage_bundle
    try:
        base = SignalModel.load(base_name)
    except (OSError, ValueError, RuntimeError) as error:
        raise fail(f"cannot load bundle {base_name!r}: {error}") from None
    console.print(
        f"fine-tuning {base_name} on {len(examples)} decisions from {', '.join(sources)}"
        + (f" ({skipped} without a usable label skipped)" if skipped else ""),
        highlight=False,
    )
    from comity.triage.finetune import finetune  # heavy: only when training

    weights, report = finetune(base, examples, l2=l2, steps=steps)
    tuned = SignalModel(weights, base._lang_bias, base.metadata)
    before_triager, after_triager = Triager(base), Triager(tuned)
    evaluation: dict[str, Any] = {}
    path = eval_file or default_eval_file()
    table = Table(title="before / after")
    for column in ("measure", "before", "after"):
        table.add_column(column, justify="left" if column == "measure" else "right")
    if path is not None:
        gold = _read_jsonl(path)
        unlabelled = [
            i for i, r in enumerate(gold, 1) if not {"primary", "action", "text"} <= set(r)
        ]
        if unlabelled:
            raise fail(f"{path}: records {unlabelled[:5]} lack 'text', 'primary' or 'action'")
        before, after = _evaluate(before_triager, gold), _evaluate(after_triager, gold)
        evaluation = {"file": path.name, "before": before, "after": after}
        for key in before:
            table.add_row(f"{path.name}: {key}", f"{before[key]:.3f}", f"{after[key]:.3f}")
    else:
        console.print("no evaluation set found: pass --eval FILE", highlight=False)
    agree = _agreement(before_triager, records), _agreement(after_triager, records)
    if agree[0] is not None and agree[1] is not None:
        table.add_row("decisions: triage agrees (in-sample)", f"{agree[0]:.3f}", f"{agree[1]:.3f}")
    for head, n in report.heads.items():
        table.add_row(
            f"log-loss {head} (n={n})",
            f"{report.loss_before[head]:.3f}",
            f"{report.loss_after[head]:.3f}",
        )
    console.print(table)
    metadata = {
        **base.metadata,
        "base_bundle": base.metadata.get("bundle", base_name),
        "tuned_from": base.metadata.get("sha256"),
        "date": datetime.now(UTC).date().isoformat(),
        "tuned_on": {
            "decisions": len(examples),
            "sources": sources,
            "heads": report.heads,
            "l2": l2,
            "steps": steps,
        },
        "evaluation": evaluation,
        "decision_agreement": {"before": agree[0], "after": agree[1]},
    }
    metadata.pop("version", None)
    version = registry.save(weights, base._lang_bias, metadata)
    console.print(f"saved {version.name} in {registry.root}", highlight=False)
    if activate:
        registry.activate(version.name)
        console.print(
            f"active: {version.name} (running servers pick it up within seconds; "
            "`comity train --rollback` undoes this)",
            highlight=False,
        )


def register(app: typer.Typer) -> None:
    """Add `comity train`."""
    app.command("train")(train_command)
