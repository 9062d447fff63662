"""Text normalisation for matching and models (first version: NFKC, casefold, spaces)."""

from __future__ import annotations

import re
import unicodedata

_SPACE_RE = re.compile(r"\s+")


def normalize_text(text: str) -> str:
    """Return the canonical form used by features and rules."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return _SPACE_RE.sub(" ", text).strip()
