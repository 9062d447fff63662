"""Fine-tuned signal weights in the data directory: versions, the active one, rollback.

Layout under ``<data_dir>/models`` (never inside the package)::

    20261125T190412Z/signals.npz    the weights (plain arrays, no pickle)
    20261125T190412Z/signals.json   metadata: base bundle, training data, metrics, SHA-256
    ACTIVE                          the name of the active version; absent = shipped bundle
    HISTORY                         previously active names, one a line, for rollback

Pointers are replaced atomically (write a temporary file, then ``os.replace``), so a
server polling ``ACTIVE``'s modification time never reads half a name.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from comity.triage.signals import META_FILE, WEIGHTS_FILE

ACTIVE = "ACTIVE"
HISTORY = "HISTORY"
SHIPPED = "shipped"  # what HISTORY records when the shipped bundle was active
_NAME = re.compile(r"^\d{8}T\d{6}Z(?:-\d+)?$")


class RegistryError(RuntimeError):
    """A version that does not exist, or nothing to roll back to."""


@dataclass(frozen=True, slots=True)
class Version:
    name: str
    path: Path
    metadata: dict[str, Any]
    active: bool


def write_npz(path: Path, weights: npt.NDArray[Any], lang_bias: npt.NDArray[Any]) -> None:
    """Plain .npz (no pickled objects); np.load(allow_pickle=False) reads it back."""
    with path.open("wb") as handle:
        np.savez(handle, weights=weights, lang_bias=lang_bias)


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


class ModelRegistry:
    """The versions of fine-tuned weights kept in one directory."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    @property
    def pointer(self) -> Path:
        return self.root / ACTIVE

    def active(self) -> str | None:
        """The active version's name, or None when the shipped bundle is in use."""
        try:
            name = self.pointer.read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return None
        return name or None

    def active_path(self) -> Path | None:
        name = self.active()
        return self.root / name if name else None

    def stamp(self) -> float | None:
        """Modification time of the pointer (cheap to poll); None without one."""
        try:
            return self.pointer.stat().st_mtime_ns / 1e9
        except FileNotFoundError:
            return None

    def versions(self) -> list[Version]:
        """Every saved version, oldest first."""
        if not self.root.is_dir():
            return []
        active = self.active()
        found = []
        for folder in sorted(p for p in self.root.iterdir() if p.is_dir()):
            meta_path = folder / META_FILE
            if not _NAME.match(folder.name) or not meta_path.is_file():
                continue
            metadata = json.loads(meta_path.read_text(encoding="utf-8"))
            found.append(Version(folder.name, folder, metadata, folder.name == active))
        return found

    def save(
        self, weights: npt.NDArray[Any], lang_bias: npt.NDArray[Any], metadata: dict[str, Any]
    ) -> Version:
        """Write a new version (not yet active); its name is the UTC time of saving."""
        self.root.mkdir(parents=True, exist_ok=True)
        base = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        name, n = base, 1
        while (self.root / name).exists():
            n += 1
            name = f"{base}-{n}"
        folder = self.root / name
        folder.mkdir()
        npz = folder / WEIGHTS_FILE
        write_npz(npz, weights.astype(np.float16), lang_bias.astype(np.float32))
        meta = {**metadata, "sha256": hashlib.sha256(npz.read_bytes()).hexdigest()}
        meta["version"] = f"tuned-{name}"
        (folder / META_FILE).write_text(
            json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        return Version(name, folder, meta, False)

    def activate(self, name: str) -> None:
        """Make ``name`` active, remembering the previous one for `rollback`."""
        if not (self.root / name / META_FILE).is_file():
            raise RegistryError(f"no saved version {name!r} in {self.root}")
        previous = self.active() or SHIPPED
        if previous == name:
            return
        self.root.mkdir(parents=True, exist_ok=True)
        with (self.root / HISTORY).open("a", encoding="utf-8") as history:
            history.write(previous + "\n")
        _write_atomic(self.pointer, name + "\n")

    def rollback(self) -> str | None:
        """Re-activate the version active before the current one; returns it (None = shipped)."""
        path = self.root / HISTORY
        lines = path.read_text(encoding="utf-8").split() if path.is_file() else []
        if not lines:
            if self.active() is None:
                raise RegistryError("nothing to roll back: the shipped bundle is already active")
            lines = [SHIPPED]  # an ACTIVE written by hand: fall back to the shipped bundle
        previous = lines.pop()
        _write_atomic(path, "".join(f"{line}\n" for line in lines))
        if previous == SHIPPED or not (self.root / previous / META_FILE).is_file():
            self.pointer.unlink(missing_ok=True)
            return None
        _write_atomic(self.pointer, previous + "\n")
        return previous
