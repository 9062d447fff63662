"""Load and validate rule files; every problem names file, line and a numbered code."""

from __future__ import annotations

from datetime import timedelta
from importlib import resources
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from comity.domain import Queue
from comity.netiquette.errors import Problem, RuleFileError, did_you_mean
from comity.netiquette.ladder import DEFAULT_DECAY, DEFAULT_LADDER, Ladder, Step
from comity.netiquette.matchparse import MatchParser
from comity.netiquette.ruleset import Rule, RuleSet
from comity.netiquette.schema import (
    ACTION_OPTIONS,
    ACTIONS,
    FILE_KEYS,
    ID_RE,
    LADDER_ACTIONS,
    LANGS,
    RULE_KEYS,
    SEVERITY_WORDS,
    STRIKES_KEYS,
    STRIKING_ACTIONS,
    parse_duration,
)
from comity.netiquette.yamlnodes import Reporter, line, value

QUEUES: tuple[str, ...] = tuple(q.value for q in Queue)
DEFAULT_RULES = "default_rules.yaml"


def parse_rules(text: str, file: str = "<string>") -> RuleSet:
    """A RuleSet from YAML text; raises RuleFileError listing every problem."""
    reporter = Reporter(file)
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        at = int(mark.line) + 1 if mark is not None else 0
        reporter.add(at, "R002", detail=error.problem or str(error))
        raise RuleFileError(reporter.problems) from None
    except yaml.YAMLError as error:
        reporter.add(0, "R002", detail=str(error))
        raise RuleFileError(reporter.problems) from None
    ruleset = _FileParser(reporter).parse(root)
    if reporter.problems or ruleset is None:
        raise RuleFileError(reporter.problems or [Problem(file, 0, "R024", "no rules")])
    return ruleset


def load_rules(path: str | Path) -> RuleSet:
    """Load a rule file; raises RuleFileError (R001 when it cannot be read)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reporter = Reporter(str(path))
        reporter.add(0, "R001", detail=str(error))
        raise RuleFileError(reporter.problems) from None
    return parse_rules(text, str(path))


def check_rules(path: str | Path) -> list[Problem]:
    """Problems in a rule file (empty when it is valid)."""
    try:
        load_rules(path)
    except RuleFileError as error:
        return error.problems
    return []


def default_rules_text() -> str:
    return resources.files("comity.netiquette").joinpath(DEFAULT_RULES).read_text("utf-8")


def load_default_rules() -> RuleSet:
    """The shipped rule set mirroring the demo brand's published netiquette."""
    return parse_rules(default_rules_text(), f"comity/netiquette/{DEFAULT_RULES}")


class _FileParser:
    def __init__(self, reporter: Reporter) -> None:
        self.r = reporter
        self.match = MatchParser(reporter)
        self.ids: dict[str, int] = {}

    def parse(self, root: Node | None) -> RuleSet | None:
        if root is None:
            self.r.add(1, "R024")
            return None
        items = self.r.mapping(root, "the rule file")
        if items is None:
            return None
        self.r.unknown_keys(items, FILE_KEYS)
        if "version" in items:
            version_node = items["version"][1]
            if value(version_node) != 1:
                self.r.add(version_node, "R021", value=value(version_node))
        ladder = self._ladder(items["ladder"][1]) if "ladder" in items else DEFAULT_LADDER
        decay = self._strikes(items["strikes"][1]) if "strikes" in items else DEFAULT_DECAY
        if "rules" not in items:
            self.r.add(root, "R004", key="rules", where=" at the top of the file")
            return None
        rules_node = items["rules"][1]
        if not isinstance(rules_node, SequenceNode):
            self.r.wrong_type(rules_node, "'rules'", "a list of rules")
            return None
        if not rules_node.value:
            self.r.add(rules_node, "R024")
            return None
        rules = [self._rule(node) for node in rules_node.value]
        valid = tuple(rule for rule in rules if rule is not None)
        return RuleSet(valid, ladder=ladder, decay=decay, source=self.r.file)

    def _strikes(self, node: Node) -> timedelta | None:
        items = self.r.mapping(node, "strikes")
        if items is None or "decay" not in items:
            return DEFAULT_DECAY
        self.r.unknown_keys(items, STRIKES_KEYS)
        decay_node = items["decay"][1]
        raw = value(decay_node)
        if raw is None or raw == "never":
            return None
        decay = parse_duration(raw)
        if decay is None:
            self.r.add(decay_node, "R009", value=raw)
        return decay

    def _ladder(self, node: Node) -> Ladder:
        if not isinstance(node, SequenceNode) or not node.value:
            self.r.add(node, "R020", detail="write a non-empty list such as [remind, hide, ban]")
            return DEFAULT_LADDER
        steps: list[Step] = []
        for index, item in enumerate(node.value):
            step = self._step(item, index)
            if step is None:
                return DEFAULT_LADDER
            steps.append(step)
        if steps[0].at != 0 or any(b.at <= a.at for a, b in zip(steps, steps[1:], strict=False)):
            self.r.add(node, "R020", detail="'at' must start at 0 and increase step by step")
            return DEFAULT_LADDER
        return Ladder(tuple(steps))

    def _step(self, node: Node, index: int) -> Step | None:
        """`hide`, `{mute: 7d}` or `{at: 3, action: mute, duration: 7d}`."""
        at, duration, raw_duration = index, None, None
        if isinstance(node, ScalarNode):
            action = value(node)
        elif isinstance(node, MappingNode):
            items = self.r.mapping(node, "a ladder step") or {}
            if "action" in items or "at" in items:
                self.r.unknown_keys(items, ("at", "action", "duration"))
                action = value(items["action"][1]) if "action" in items else None
                at = value(items["at"][1]) if "at" in items else -1
                raw_duration = value(items["duration"][1]) if "duration" in items else None
            elif len(items) == 1:
                action, raw_duration = next(iter(items)), value(next(iter(items.values()))[1])
            else:
                action = None
        else:
            action = None
        if not isinstance(action, str) or action not in LADDER_ACTIONS:
            detail = f"step {index + 1} needs one of {', '.join(LADDER_ACTIONS)}"
            self.r.add(node, "R020", detail=detail)
            return None
        if isinstance(at, bool) or not isinstance(at, int) or at < 0:
            self.r.add(node, "R020", detail=f"step {index + 1}: 'at' must be a whole number >= 0")
            return None
        if action == "mute":
            duration = parse_duration(raw_duration)
            if duration is None:
                self.r.add(node, "R009", value=raw_duration)
                return None
        return Step(at, action, duration)

    def _rule(self, node: Node) -> Rule | None:
        items = self.r.mapping(node, "a rule")
        if items is None:
            return None
        before = len(self.r.problems)
        self.r.unknown_keys(items, RULE_KEYS)
        for key in ("id", "severity", "reason", "action", "match"):
            if key not in items:
                self.r.add(node, "R004", key=key, where=self._where(items))
        rule_id = self._id(items["id"][1]) if "id" in items else None
        severity = self._severity(items["severity"][1]) if "severity" in items else None
        reason = self._reason(*items["reason"]) if "reason" in items else None
        action = self._action(items)
        match = self.match.parse(items["match"][1]) if "match" in items else None
        flags = {
            key: self.r.flag(items[key][1], key)
            for key in ("strike", "enabled", "public")
            if key in items
        }
        channels = None
        if "channels" in items:
            entries = self.r.texts(items["channels"][1], "channels")
            channels = frozenset(v for _, v in entries) if entries else None
        note = self.r.text(items["note"][1], "note") if "note" in items else ""
        if len(self.r.problems) > before or None in (rule_id, severity, reason, action, match):
            return None
        assert rule_id and severity and reason and action and match
        name, duration, option = action
        strike = flags.get("strike")
        return Rule(
            id=rule_id, severity=severity, reason=reason, action=name, match=match,
            strike=name in STRIKING_ACTIONS if strike is None else strike,
            duration=duration,
            queue=option if name == "flag" else None,
            label=option if name == "label" else None,
            enabled=flags.get("enabled") is not False,
            public=flags.get("public") is not False,
            channels=channels, note=note or "", line=line(node),
        )  # fmt: skip

    @staticmethod
    def _where(items: dict[str, tuple[Node, Node]]) -> str:
        got = value(items["id"][1]) if "id" in items else None
        return f" in rule {got!r}" if isinstance(got, str) else " in this rule"

    def _id(self, node: Node) -> str | None:
        rule_id = self.r.text(node, "id")
        if rule_id is None:
            return None
        if not ID_RE.match(rule_id):
            self.r.add(node, "R006", id=rule_id)
            return None
        if rule_id in self.ids:
            self.r.add(node, "R005", id=rule_id, first=self.ids[rule_id])
            return None
        self.ids[rule_id] = line(node)
        return rule_id

    def _severity(self, node: Node) -> int | None:
        got = value(node) if isinstance(node, ScalarNode) else None
        if isinstance(got, str) and got.lower() in SEVERITY_WORDS:
            return SEVERITY_WORDS[got.lower()]
        if isinstance(got, int) and not isinstance(got, bool) and 1 <= got <= 5:
            return got
        self.r.add(node, "R016", value=got)
        return None

    def _reason(self, key_node: Node, node: Node) -> dict[str, str] | None:
        items = self.r.mapping(node, "reason")
        if items is None:
            return None
        self.r.unknown_keys(items, LANGS)
        reason: dict[str, str] = {}
        for lang in LANGS:
            if lang not in items:
                self.r.add(key_node, "R008", lang=lang)
                continue
            text = self.r.text(items[lang][1], f"reason.{lang}")
            if text is not None:
                reason[lang] = " ".join(text.split())
        return reason if len(reason) == len(LANGS) and len(items) == len(LANGS) else None

    def _action(
        self, items: dict[str, tuple[Node, Node]]
    ) -> tuple[str, timedelta | None, str | None] | None:
        if "action" not in items:
            return None
        node = items["action"][1]
        name = self.r.text(node, "action")
        if name is None:
            return None
        if name not in ACTIONS:
            self.r.add(node, "R007", action=name, hint=did_you_mean(name, ACTIONS),
                       known=", ".join(ACTIONS))  # fmt: skip
            return None
        needed = ACTION_OPTIONS[name]
        for option in ("duration", "queue", "label"):
            if option in items and option != needed:
                self.r.add(items[option][0], "R018", action=name, detail=f"takes no {option!r}")
        if needed is None:
            return (name, None, None)
        if needed not in items:
            self.r.add(node, "R018", action=name, detail=f"needs {needed!r}")
            return None
        option_node = items[needed][1]
        if needed == "duration":
            duration = parse_duration(value(option_node))
            if duration is None:
                self.r.add(option_node, "R009", value=value(option_node))
                return None
            return (name, duration, None)
        text = self.r.text(option_node, needed)
        if text is None:
            return None
        if needed == "queue" and text not in QUEUES:
            self.r.add(option_node, "R017", kind="queue", value=text,
                       hint=did_you_mean(text, QUEUES))  # fmt: skip
            return None
        return (name, None, text)
