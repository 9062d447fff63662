"""Signed webhook verification, pure: no clock, no I/O (docs/webhooks.md).

A sender signs `f"{timestamp}.".encode() + body` with HMAC-SHA256 and sends
`X-Comity-Timestamp: <unix seconds>` and `X-Comity-Signature: sha256=<hex>`.
Binding the timestamp into the MAC stops an old body being re-sent with a fresh time.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from enum import StrEnum

TIMESTAMP_HEADER = "X-Comity-Timestamp"
SIGNATURE_HEADER = "X-Comity-Signature"
_SIGNATURE_RE = re.compile(r"^sha256=([0-9a-fA-F]{64})$")
_TIMESTAMP_RE = re.compile(r"^[0-9]{1,12}$")


class SignatureFailure(StrEnum):
    MISSING = "missing"
    MALFORMED = "malformed"
    STALE = "stale"
    MISMATCH = "mismatch"


_MESSAGES = {
    SignatureFailure.MISSING: f"both {TIMESTAMP_HEADER} and {SIGNATURE_HEADER} are required",
    SignatureFailure.MALFORMED: (
        f"{TIMESTAMP_HEADER} must be unix seconds and {SIGNATURE_HEADER} 'sha256=<64 hex>'"
    ),
    SignatureFailure.STALE: "stale timestamp: outside the accepted window; check the sender clock",
    SignatureFailure.MISMATCH: "signature does not match the body and timestamp",
}


class SignatureError(ValueError):
    """A webhook delivery that must be rejected; `reason` says which check failed."""

    def __init__(self, reason: SignatureFailure) -> None:
        super().__init__(_MESSAGES[reason])
        self.reason = reason
        self.message = _MESSAGES[reason]


def sign(key: str, timestamp: int | str, body: bytes) -> str:
    """The `X-Comity-Signature` header value for a body sent at `timestamp`."""
    mac = hmac.new(key.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return "sha256=" + mac.hexdigest()


def verify_signature(
    key: str,
    timestamp: str | None,
    body: bytes,
    signature: str | None,
    now: float,
    tolerance: int,
) -> str:
    """Check a delivery; returns the lower-case hex digest, the key for replay detection."""
    if not timestamp or not signature:
        raise SignatureError(SignatureFailure.MISSING)
    timestamp = timestamp.strip()
    match = _SIGNATURE_RE.match(signature.strip())
    if match is None or not _TIMESTAMP_RE.match(timestamp):
        raise SignatureError(SignatureFailure.MALFORMED)
    if abs(now - int(timestamp)) > tolerance:
        raise SignatureError(SignatureFailure.STALE)
    given = match.group(1).lower()
    expected = sign(key, timestamp, body).removeprefix("sha256=")
    if not hmac.compare_digest(given, expected):
        raise SignatureError(SignatureFailure.MISMATCH)
    return given
