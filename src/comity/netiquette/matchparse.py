"""Compile a rule's `match:` node tree into conditions, reporting every mistake by line."""

from __future__ import annotations

import re

from yaml.nodes import Node, ScalarNode, SequenceNode

from comity.netiquette import conditions as c
from comity.netiquette import textmatch as tm
from comity.netiquette.errors import did_you_mean
from comity.netiquette.schema import (
    CATEGORIES,
    CONDITION_KEYS,
    LEGAL_SUBS,
    OPERATORS,
    SIGNALS,
    parse_duration,
)
from comity.netiquette.yamlnodes import Reporter, value

_LANG_RE = re.compile(r"^[a-z]{2,3}$")


class MatchParser:
    """Turns nodes into a Condition; returns None (with problems reported) when invalid."""

    def __init__(self, reporter: Reporter) -> None:
        self.r = reporter

    def parse(self, node: Node, where: str = "match") -> c.Condition | None:
        items = self.r.mapping(node, where)
        if items is None:
            return None
        if not items:
            self.r.add(node, "R015", where=f" in {where}")
            return None
        self.r.unknown_keys(items, CONDITION_KEYS)
        parts: list[c.Condition | None] = [
            self._leaf(key, key_node, value_node)
            for key, (key_node, value_node) in items.items()
            if key in CONDITION_KEYS
        ]
        if len(parts) != len(items) or any(p is None for p in parts):
            return None
        valid = [p for p in parts if p is not None]
        return valid[0] if len(valid) == 1 else c.All(tuple(valid))

    def _leaf(self, key: str, key_node: Node, node: Node) -> c.Condition | None:
        if key in ("all", "any"):
            return self._group(key, node)
        if key == "not":
            inner = self.parse(node, "not")
            return None if inner is None else c.Not(inner)
        if key in ("text.words", "text.phrases"):
            return self._terms(key, node)
        if key == "text.regex":
            return self._regex(node)
        if key == "signal":
            return self._signal(node)
        if key in ("category", "category_any", "legal_sub"):
            return self._choice(key, node)
        if key in ("channel", "lang"):
            return self._names(key, node)
        if key in ("author.strikes", "author.account_age_days"):
            checks = self._checks(node, key, low=0.0, high=None)
            return None if checks is None else c.AuthorNumber(key.split(".")[1], checks)
        if key in ("has_links", "has_media"):
            flag = self.r.flag(node, key)
            return None if flag is None else c.Flag(key, flag)
        if key == "link_domains":
            return self._domains(node)
        if key == "repeated":
            return self._repeated(node)
        return self._campaign(node)

    def _group(self, key: str, node: Node) -> c.Condition | None:
        if not isinstance(node, SequenceNode):
            self.r.wrong_type(node, f"'{key}'", "a list of conditions")
            return None
        if not node.value:
            self.r.add(node, "R015", where=f" in '{key}'")
            return None
        children = [self.parse(child, key) for child in node.value]
        valid = tuple(child for child in children if child is not None)
        if len(valid) != len(children):
            return None
        return c.All(valid) if key == "all" else c.Any_(valid)

    def _terms(self, key: str, node: Node) -> c.Condition | None:
        entries = self.r.texts(node, key)
        if entries is None:
            return None
        phrase = key == "text.phrases"
        terms: list[tm.Term] = []
        for entry_node, source in entries:
            term = tm.compile_term(source, phrase=phrase)
            if term is None:
                self.r.add(entry_node, "R022", what=key.split(".")[1][:-1], value=source)
                return None
            terms.append(term)
        return c.Terms(tuple(terms), "phrase" if phrase else "word")

    def _regex(self, node: Node) -> c.Condition | None:
        pattern = self.r.text(node, "text.regex")
        if pattern is None:
            return None
        risk = tm.regex_risk(pattern)
        if risk:
            self.r.add(node, "R011", pattern=pattern, detail=risk)
            return None
        try:
            return c.Regex(re.compile(pattern, re.IGNORECASE))
        except re.error as error:
            self.r.add(node, "R010", pattern=pattern, detail=str(error))
            return None

    def _checks(
        self, node: Node, what: str, *, low: float, high: float | None, skip: str = ""
    ) -> tuple[tuple[str, float], ...] | None:
        items = self.r.mapping(node, what)
        if items is None:
            return None
        checks: list[tuple[str, float]] = []
        ok = True
        for op, (key_node, value_node) in items.items():
            if op == skip:
                continue
            if op not in OPERATORS:
                self.r.add(key_node, "R013", op=op)
                ok = False
                continue
            bound = value(value_node) if isinstance(value_node, ScalarNode) else None
            if isinstance(bound, bool) or not isinstance(bound, int | float):
                self.r.wrong_type(value_node, f"the bound of {what} {op}", "a number")
                ok = False
            elif bound < low or (high is not None and bound > high):
                span = f"between {low:g} and {high:g}" if high is not None else f">= {low:g}"
                self.r.add(value_node, "R023", what=f"{what} {op}", value=bound, detail=span)
                ok = False
            else:
                checks.append((op, float(bound)))
        if ok and not checks:
            self.r.add(node, "R015", where=f" in {what}: give an operator such as '>='")
            return None
        return tuple(checks) if ok else None

    def _signal(self, node: Node) -> c.Condition | None:
        items = self.r.mapping(node, "signal")
        if items is None:
            return None
        if "name" not in items:
            self.r.add(node, "R004", key="name", where=" in signal")
            return None
        name = self.r.text(items["name"][1], "signal name")
        if name is not None and name not in SIGNALS:
            hint = did_you_mean(name, SIGNALS)
            self.r.add(items["name"][1], "R012", name=name, hint=hint, known=", ".join(SIGNALS))
            name = None
        checks = self._checks(node, "signal", low=0.0, high=1.0, skip="name")
        if name is None or checks is None:
            return None
        return c.Signal(name, checks)

    def _choice(self, key: str, node: Node) -> c.Condition | None:
        if key == "category_any" and not isinstance(node, SequenceNode):
            self.r.wrong_type(node, key, "a list of categories")
            return None
        entries = self.r.texts(node, key)
        if entries is None:
            return None
        known = LEGAL_SUBS if key == "legal_sub" else CATEGORIES
        kind = "legal_sub" if key == "legal_sub" else "category"
        bad = [(n, v) for n, v in entries if v not in known]
        for entry_node, got in bad:
            self.r.add(entry_node, "R017", kind=kind, value=got, hint=did_you_mean(got, known))
        if bad:
            return None
        return c.OneOf(
            "legal_sub" if key == "legal_sub" else "category", frozenset(v for _, v in entries)
        )

    def _names(self, key: str, node: Node) -> c.Condition | None:
        entries = self.r.texts(node, key)
        if entries is None:
            return None
        if key == "lang":
            bad = [(n, v) for n, v in entries if not _LANG_RE.match(v)]
            for entry_node, got in bad:
                self.r.add(entry_node, "R017", kind="language", value=got, hint=" (use e.g. ko)")
            if bad:
                return None
        return c.OneOf(key, frozenset(v for _, v in entries))

    def _domains(self, node: Node) -> c.Condition | None:
        entries = self.r.texts(node, "link_domains")
        if entries is None:
            return None
        return c.LinkDomains(tuple(tm.link_host(v.strip()) for _, v in entries))

    def _repeated(self, node: Node) -> c.Condition | None:
        items = self.r.mapping(node, "repeated")
        if items is None:
            return None
        self.r.unknown_keys(items, ("count", "within"))
        missing = [k for k in ("count", "within") if k not in items]
        for key in missing:
            self.r.add(node, "R004", key=key, where=" in repeated")
        if missing:
            return None
        count_node, within_node = items["count"][1], items["within"][1]
        count = value(count_node) if isinstance(count_node, ScalarNode) else None
        within = parse_duration(value(within_node)) if isinstance(within_node, ScalarNode) else None
        ok = True
        if isinstance(count, bool) or not isinstance(count, int):
            self.r.wrong_type(count_node, "repeated count", "a whole number")
            ok = False
        elif count < 2:
            self.r.add(
                count_node, "R023", what="repeated count", value=count, detail="use 2 or more"
            )
            ok = False
        if within is None:
            self.r.add(within_node, "R009", value=value(within_node))
            ok = False
        if not ok or not isinstance(count, int) or within is None:
            return None
        return c.Repeated(count, within)

    def _campaign(self, node: Node) -> c.Condition | None:
        tag = self.r.text(node, "campaign")
        if tag is None:
            return None
        return c.Campaign(None if tag.strip().lower() == "any" else tag.strip())
