"""Every registered connector against its recorded fixtures (HTTP faked with MockTransport)."""

from __future__ import annotations

import importlib
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from comity.connectors.base import OUTBOUND_KINDS, NotSupported, OutboundAction, connectors_by_name
from comity.ingest.records import parse_record
from comity.plugins import connector_classes

CONNECTORS = connectors_by_name(connector_classes())
DOCS = Path(__file__).resolve().parents[2] / "docs" / "connectors"


def _fixtures(name: str) -> Path:
    module = importlib.import_module(CONNECTORS[name].__module__)
    assert module.__file__ is not None
    return Path(module.__file__).parent / "fixtures"


def _payloads(name: str) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
    folder = _fixtures(name)
    pairs = []
    for payload in sorted(folder.glob("*.payload.json")):
        expected = folder / payload.name.replace(".payload.json", ".records.json")
        pairs.append((json.loads(payload.read_text()), json.loads(expected.read_text())))
    return pairs


def _connector(name: str) -> Any:
    return CONNECTORS[name]()


@pytest.fixture(params=sorted(CONNECTORS))
def name(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def test_built_ins_are_registered_through_the_hook() -> None:
    assert {"generic", "youtube"} <= set(CONNECTORS)


def test_each_connector_has_fixtures_and_a_doc_page(name: str) -> None:
    assert _payloads(name), f"{name} has no recorded fixtures"
    assert (DOCS / f"{name}.md").exists()
    assert CONNECTORS[name].supported_actions <= OUTBOUND_KINDS


def test_payloads_become_valid_import_records(name: str) -> None:
    for payload, expected in _payloads(name):
        records = _connector(name).to_records(payload)
        assert records == expected
        for record in records:
            parse_record(record)


def _serving(payload: dict[str, Any], seen: list[httpx.Request]) -> httpx.Client:
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=payload)

    return httpx.Client(transport=httpx.MockTransport(handler))


def test_polling_yields_the_same_records_or_is_declared_push_only(name: str) -> None:
    payload, expected = _payloads(name)[0]
    seen: list[httpx.Request] = []
    with _serving(payload, seen) as client:
        try:
            result = _connector(name).poll(client, None, None)
        except NotSupported:
            assert seen == []
            return
    assert result.records == expected
    assert len(seen) == 1


def test_actions_are_performed_or_refused_clearly(name: str) -> None:
    folder = _fixtures(name)
    for kind in sorted(OUTBOUND_KINDS):
        seen: list[httpx.Request] = []
        response = folder / f"action_{kind}.response.json"
        body = json.loads(response.read_text()) if response.exists() else {}
        action = OutboundAction(kind=kind, external_id="c1", text="고마워요!")
        with _serving(body, seen) as client:
            if kind in CONNECTORS[name].supported_actions:
                assert _connector(name).perform(client, action).ok
                assert len(seen) == 1
            else:
                with pytest.raises(NotSupported):
                    _connector(name).perform(client, action)
                assert seen == []


def test_youtube_poll_passes_the_cursor_and_filters_by_time() -> None:
    payload, _ = _payloads("youtube")[0]
    seen: list[httpx.Request] = []
    with _serving(payload, seen) as client:
        result = _connector("youtube").poll(
            client, datetime(2026, 7, 4, 11, 10, tzinfo=UTC), "page-1"
        )
    assert seen[0].url.params["pageToken"] == "page-1"
    assert [r["external_id"] for r in result.records] == ["UgxDemoThread1.reply1"]
    assert result.cursor == "QURTSl9p-page-2"


def test_youtube_errors_carry_the_reason() -> None:
    from comity.connectors.base import ConnectorError

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(403, json={"error": {"message": "commentsDisabled"}})

    with httpx.Client(transport=httpx.MockTransport(handler)) as client:
        with pytest.raises(ConnectorError, match="403: commentsDisabled"):
            _connector("youtube").perform(client, OutboundAction("delete", "c1"))
