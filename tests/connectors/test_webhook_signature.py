from __future__ import annotations

import pytest

from comity.connectors.webhook import SignatureError, SignatureFailure, sign, verify_signature

KEY = "whsec-test-key"
BODY = '{"external_id": "1", "text": "안녕하세요"}'.encode()
NOW = 1_780_000_000


def verify(timestamp: str | None, signature: str | None, *, now: float = NOW) -> str:
    return verify_signature(KEY, timestamp, BODY, signature, now=now, tolerance=300)


def reason(timestamp: str | None, signature: str | None, *, now: float = NOW) -> str:
    with pytest.raises(SignatureError) as caught:
        verify(timestamp, signature, now=now)
    return caught.value.reason


def test_a_correct_signature_returns_its_digest() -> None:
    signature = sign(KEY, NOW, BODY)
    assert signature.startswith("sha256=") and len(signature) == 71
    assert verify(str(NOW), signature) == signature.removeprefix("sha256=")


def test_the_signed_message_is_timestamp_dot_body() -> None:
    import hashlib
    import hmac

    expected = hmac.new(KEY.encode(), f"{NOW}.".encode() + BODY, hashlib.sha256).hexdigest()
    assert sign(KEY, NOW, BODY) == f"sha256={expected}"


def test_upper_case_hex_is_the_same_signature() -> None:
    signature = sign(KEY, NOW, BODY)
    digest = verify(str(NOW), "sha256=" + signature.removeprefix("sha256=").upper())
    assert digest == signature.removeprefix("sha256=")  # so a replay cannot dodge by case


@pytest.mark.parametrize(("timestamp", "signature"), [(None, "sha256=00"), ("1", None), ("", "")])
def test_missing_headers(timestamp: str | None, signature: str | None) -> None:
    assert reason(timestamp, signature) == SignatureFailure.MISSING


@pytest.mark.parametrize(
    ("timestamp", "signature"),
    [
        (str(NOW), "md5=" + "0" * 64),
        (str(NOW), "sha256=" + "0" * 63),
        (str(NOW), "sha256=" + "g" * 64),
        ("2026-07-01T09:00:00Z", "sha256=" + "0" * 64),
        ("-5", "sha256=" + "0" * 64),
    ],
)
def test_malformed_headers(timestamp: str, signature: str) -> None:
    assert reason(timestamp, signature) == SignatureFailure.MALFORMED


def test_another_key_body_or_timestamp_does_not_match() -> None:
    assert reason(str(NOW), sign("other-key", NOW, BODY)) == SignatureFailure.MISMATCH
    assert reason(str(NOW), sign(KEY, NOW, BODY + b" ")) == SignatureFailure.MISMATCH
    assert reason(str(NOW), sign(KEY, NOW - 1, BODY)) == SignatureFailure.MISMATCH


def test_timestamps_outside_the_tolerance_are_stale_both_ways() -> None:
    for timestamp in (NOW - 301, NOW + 301):
        assert reason(str(timestamp), sign(KEY, timestamp, BODY)) == SignatureFailure.STALE
    for timestamp in (NOW - 300, NOW + 300):
        assert verify(str(timestamp), sign(KEY, timestamp, BODY))


def test_staleness_is_checked_before_the_mac() -> None:
    # An old capture is refused as stale even when its signature is valid.
    old = NOW - 3600
    error = pytest.raises(SignatureError, verify, str(old), sign(KEY, old, BODY))
    assert "stale" in str(error.value)
