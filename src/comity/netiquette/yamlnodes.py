"""Reading composed YAML nodes, so every problem can name its line."""

from __future__ import annotations

from typing import Any

from yaml import YAMLError
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from comity.netiquette.errors import Problem, did_you_mean, problem


def line(node: Node) -> int:
    """1-based line where a node starts."""
    return int(node.start_mark.line) + 1


def value(node: Node) -> Any:
    """The Python value of a node (scalars typed as YAML resolves them).

    Scalars YAML cannot construct (`=`, 2026-02-30, unknown tags) stay plain text, so
    the caller reports a wrong type with a line instead of the loader crashing.
    """
    try:
        return SafeConstructor().construct_object(node, deep=True)
    except (YAMLError, ValueError, TypeError, OverflowError):
        return str(node.value) if isinstance(node, ScalarNode) else None


def type_name(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    got = value(node)
    if got is None:
        return "empty"
    if isinstance(got, str) and not got.strip():
        return "blank text"
    return {bool: "a boolean", int: "a number", float: "a number", str: "text"}.get(
        type(got), type(got).__name__
    )


class Reporter:
    """Collects problems for one file."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def add(self, node: Node | int, code: str, **values: object) -> None:
        at = node if isinstance(node, int) else line(node)
        self.problems.append(problem(self.file, at, code, **values))

    def wrong_type(self, node: Node, what: str, expected: str) -> None:
        self.add(node, "R014", what=what, expected=expected, got=type_name(node))

    def mapping(self, node: Node, what: str) -> dict[str, tuple[Node, Node]] | None:
        """Keys to (key node, value node), reporting duplicates; None if not a mapping."""
        if not isinstance(node, MappingNode):
            self.wrong_type(node, what, "a mapping")
            return None
        out: dict[str, tuple[Node, Node]] = {}
        for key_node, value_node in node.value:
            key = value(key_node) if isinstance(key_node, ScalarNode) else None
            if not isinstance(key, str):
                self.wrong_type(key_node, f"a key in {what}", "text")
                continue
            if key in out:
                self.add(key_node, "R019", key=key)
                continue
            out[key] = (key_node, value_node)
        return out

    def unknown_keys(self, items: dict[str, tuple[Node, Node]], allowed: tuple[str, ...]) -> None:
        for key, (key_node, _) in items.items():
            if key not in allowed:
                self.add(key_node, "R003", key=key, hint=did_you_mean(key, allowed))

    def text(self, node: Node, what: str) -> str | None:
        got = value(node) if isinstance(node, ScalarNode) else None
        if not isinstance(got, str) or not got.strip():
            self.wrong_type(node, what, "non-empty text")
            return None
        return got

    def flag(self, node: Node, what: str) -> bool | None:
        got = value(node) if isinstance(node, ScalarNode) else None
        if not isinstance(got, bool):
            self.wrong_type(node, what, "true or false")
            return None
        return got

    def texts(self, node: Node, what: str) -> list[tuple[Node, str]] | None:
        """A string or a list of strings, each with its node; None after a problem."""
        items = node.value if isinstance(node, SequenceNode) else [node]
        if isinstance(node, MappingNode):
            self.wrong_type(node, what, "text or a list of text")
            return None
        if not items:
            self.add(node, "R015", where=f" in {what}")
            return None
        out: list[tuple[Node, str]] = []
        for item in items:
            got = self.text(item, f"each entry of {what}")
            if got is not None:
                out.append((item, got))
        return out if len(out) == len(items) else None
