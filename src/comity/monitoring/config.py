"""Monitoring configuration: detector thresholds, alert policy, first steps, crisis mode."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

DEFAULT_FILE = Path(__file__).with_name("default_monitoring.yaml")
LEVELS = ("watch", "warning", "storm")


class MonitoringConfigError(ValueError):
    """The monitoring file is not valid; the message names the field."""


@dataclass(frozen=True, slots=True)
class DetectorConfig:
    bin_minutes: int = 2
    warmup_hours: int = 24
    min_count: int = 8
    min_surprise: float = 6.0
    claim_surprise: float = 3.5
    topic_min_count: int = 5
    levels: tuple[float, float, float] = (1.6, 2.3, 3.3)
    exit_margin: float = 0.6
    exit_minutes: int = 30
    min_dwell_minutes: int = 60

    @property
    def bin_seconds(self) -> int:
        return self.bin_minutes * 60


@dataclass(frozen=True, slots=True)
class Contact:
    role: str
    reach: str
    from_level: str = "warning"


@dataclass(frozen=True, slots=True)
class AlertPolicy:
    notify_from: str = "warning"
    max_per_hour: int = 6


@dataclass(frozen=True, slots=True)
class CrisisConfig:
    sla_minutes: int = 30
    hold_channels: frozenset[str] = frozenset()
    keep_auto_hide_for: frozenset[str] = frozenset({"spam", "legal"})


@dataclass(frozen=True, slots=True)
class MonitoringConfig:
    detector: DetectorConfig = field(default_factory=DetectorConfig)
    alerts: AlertPolicy = field(default_factory=AlertPolicy)
    first_steps: tuple[str, ...] = ()
    holding: dict[str, dict[str, str]] = field(default_factory=dict)
    contacts: tuple[Contact, ...] = ()
    crisis: CrisisConfig = field(default_factory=CrisisConfig)

    def holding_statement(self, kind: str, lang: str) -> str:
        """The draft for `kind` ('generic' or 'misinformation') in `lang`, else English."""
        texts = self.holding.get(kind) or self.holding.get("generic") or {}
        return texts.get(lang) or texts.get("en") or ""


def _section(data: dict[str, Any], name: str) -> dict[str, Any]:
    value = data.get(name) or {}
    if not isinstance(value, dict):
        raise MonitoringConfigError(f"'{name}' must be a mapping")
    return value


def _level(value: Any, where: str) -> str:
    if value not in LEVELS:
        raise MonitoringConfigError(f"{where} must be one of {', '.join(LEVELS)}, got {value!r}")
    return str(value)


def parse_config(data: Any) -> MonitoringConfig:
    if not isinstance(data, dict):
        raise MonitoringConfigError("the monitoring file must be a YAML mapping")
    det = _section(data, "detector")
    levels = _section(det, "levels")
    try:
        enter = tuple(
            float(levels.get(name, d)) for name, d in zip(LEVELS, (1.6, 2.3, 3.3), strict=True)
        )
        detector = DetectorConfig(
            bin_minutes=int(det.get("bin_minutes", 2)),
            warmup_hours=int(det.get("warmup_hours", 24)),
            min_count=int(det.get("min_count", 8)),
            min_surprise=float(det.get("min_surprise", 6.0)),
            claim_surprise=float(det.get("claim_surprise", 3.5)),
            topic_min_count=int(det.get("topic_min_count", 5)),
            levels=(enter[0], enter[1], enter[2]),
            exit_margin=float(det.get("exit_margin", 0.6)),
            exit_minutes=int(det.get("exit_minutes", 30)),
            min_dwell_minutes=int(det.get("min_dwell_minutes", 60)),
        )
    except (TypeError, ValueError) as exc:
        raise MonitoringConfigError(f"detector: {exc}") from None
    if not (enter[0] < enter[1] < enter[2]):
        raise MonitoringConfigError("detector.levels must rise: watch < warning < storm")
    if detector.bin_minutes < 1 or 60 % detector.bin_minutes:
        raise MonitoringConfigError("detector.bin_minutes must divide 60 (1, 2, 5, 10, 15, 30, 60)")
    al = _section(data, "alerts")
    alerts = AlertPolicy(
        notify_from=_level(al.get("notify_from", "warning"), "alerts.notify_from"),
        max_per_hour=int(al.get("max_per_hour", 6)),
    )
    contacts = []
    for index, entry in enumerate(data.get("contacts") or ()):
        if not isinstance(entry, dict) or not entry.get("role"):
            raise MonitoringConfigError(f"contacts[{index}] needs a 'role'")
        contacts.append(
            Contact(
                role=str(entry["role"]),
                reach=str(entry.get("reach", "")),
                from_level=_level(
                    entry.get("from_level", "warning"), f"contacts[{index}].from_level"
                ),
            )
        )
    holding = {
        str(kind): {str(lang): str(text) for lang, text in (texts or {}).items()}
        for kind, texts in _section(data, "holding_statements").items()
    }
    cr = _section(data, "crisis")
    crisis = CrisisConfig(
        sla_minutes=int(cr.get("sla_minutes", 30)),
        hold_channels=frozenset(str(c) for c in cr.get("hold_channels") or ()),
        keep_auto_hide_for=frozenset(
            str(c) for c in cr.get("keep_auto_hide_for") or ("spam", "legal")
        ),
    )
    return MonitoringConfig(
        detector=detector,
        alerts=alerts,
        first_steps=tuple(str(s) for s in data.get("first_steps") or ()),
        holding=holding,
        contacts=tuple(contacts),
        crisis=crisis,
    )


def load_config(path: Path | None = None) -> MonitoringConfig:
    """The given monitoring file, or the shipped defaults."""
    target = path or DEFAULT_FILE
    try:
        data = yaml.safe_load(target.read_text(encoding="utf-8"))
    except OSError as exc:
        raise MonitoringConfigError(f"cannot read {target}: {exc.strerror}") from None
    except yaml.YAMLError as exc:
        raise MonitoringConfigError(f"{target}: not valid YAML ({exc})") from None
    return parse_config(data)
