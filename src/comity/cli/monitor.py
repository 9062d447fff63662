"""`comity monitor`: replay a stream through the storm detector, list alerts, crisis mode."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from comity.cli.common import console, fail, load_settings, open_services

if TYPE_CHECKING:  # the commands import what they use: `comity` starts faster
    from comity.monitoring.detector import AlertEvent
    from comity.monitoring.replay import BatchTriager

monitor_app = typer.Typer(
    help="Shitstorm early warning: replay streams, list alerts, switch crisis mode.",
    no_args_is_help=True,
)


@monitor_app.command("replay")
def replay_command(
    stream: Annotated[Path, typer.Argument(help="JSONL in the import schema, in time order.")],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per alert.")] = False,
) -> None:
    """Run the detector over STREAM at full speed and print every alert with its stream time.

    Records carrying a "triage" object are used as triaged; the rest are triaged on the way.
    """
    from comity.monitoring.config import MonitoringConfigError, load_config
    from comity.monitoring.detector import Detector
    from comity.monitoring.replay import ReplayError, replay

    if not stream.is_file():
        raise fail(f"no such file: {stream}", 2)
    settings = load_settings()
    try:
        config = load_config(settings.monitoring_file)
    except MonitoringConfigError as exc:
        raise fail(str(exc), 2) from None

    def triager() -> BatchTriager:
        from comity.triage import Triager

        return Triager.load(settings.triage_bundle)

    def show(alert: AlertEvent) -> None:
        if as_json:
            sys.stdout.write(json.dumps(alert.summary(), ensure_ascii=False) + "\n")
        else:
            line = alert.summary()
            console.print(
                f"{line['at']}  {alert.level:<7}  {alert.scope:<28} {alert.kind:<9} "
                f"{alert.observed} neg vs {line['expected']} normal  {alert.topic}",
                highlight=False,
                markup=False,
                soft_wrap=True,
            )

    try:
        result = replay(stream, Detector(config.detector), triager, on_alert=show)
    except ReplayError as exc:
        raise fail(str(exc), 2) from None
    if not as_json:
        console.print(f"{result.comments} comments, {len(result.alerts)} alerts", highlight=False)


@monitor_app.command("alerts")
def alerts_command(
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per alert.")] = False,
    all_alerts: Annotated[bool, typer.Option("--all", help="Resolved ones too.")] = False,
) -> None:
    """List stored alerts, newest first (unresolved only unless --all)."""
    with open_services() as services:
        assert services.monitor is not None
        alerts = services.monitor.alerts(None if all_alerts else "unresolved")
    for alert in alerts:
        if as_json:
            sys.stdout.write(json.dumps(alert.to_json(), ensure_ascii=False) + "\n")
        else:
            console.print(
                f"#{alert.id} {alert.peak:<7} {alert.status:<12} {alert.scope:<28} "
                f"since {alert.since:%Y-%m-%d %H:%M} UTC  {alert.topic}",
                highlight=False,
                markup=False,
                soft_wrap=True,
            )


@monitor_app.command("crisis")
def crisis_command(
    state: Annotated[str, typer.Argument(help="on or off")],
    by: Annotated[str, typer.Option("--as", help="E-mail of the moderator or admin acting.")],
    reason: Annotated[str, typer.Option(help="Why (goes into the audit log).")] = "",
    campaign: Annotated[
        str | None, typer.Option(help="Only this campaign (e.g. '#여름엔비바'); else the brand.")
    ] = None,
) -> None:
    """Switch crisis mode on or off for the brand or one campaign (audited)."""
    from comity.actions.alerts import AlertActionError, do_set_crisis_mode
    from comity.actions.permissions import PermissionDenied

    if state not in ("on", "off"):
        raise fail("say 'on' or 'off'", 2)
    with open_services() as services:
        user = services.users.get(by)
        if user is None or user.disabled:
            raise fail(f"no active user {by!r}", 2)
        assert services.monitor is not None
        try:
            action = do_set_crisis_mode(
                services.monitor,
                services.monitoring,
                state == "on",
                by=user,
                reason=reason or f"switched {state} from the command line",
                campaign=campaign,
            )
        except (AlertActionError, PermissionDenied) as exc:
            raise fail(str(exc)) from None
    console.print(f"crisis mode {state} for {action.target_id}", highlight=False)


def register(app: typer.Typer) -> None:
    app.add_typer(monitor_app, name="monitor")
