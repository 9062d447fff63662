"""The storm-alert UI in the user's language: extraction, Korean pages, translated errors."""

from __future__ import annotations

from fastapi.testclient import TestClient

from comity.monitoring.config import load_config
from comity.runtime.services import Services
from comity.web.action_messages import translate_message
from comity.web.i18n import UiLocale, extract_catalog
from tests.monitoring.helpers import store_alert
from tests.web.conftest import csrf_from

KOREAN = {"Accept-Language": "ko-KR,ko;q=0.9"}


def test_alert_templates_and_route_messages_are_extracted() -> None:
    catalog = extract_catalog()
    files = {filename for message in catalog for filename, _line in message.locations}
    for name in ("_banner", "_words", "detail", "list"):
        assert f"templates/alerts/{name}.html" in files, name
    assert "routes/alerts.py" in files
    ids = {message.id for message in catalog}
    assert {"Watch", "Warning", "Storm", "whole brand", "Open alert"} <= ids


def test_banner_and_alert_page_in_korean(services: Services, moderator: TestClient) -> None:
    assert services.monitor is not None
    alert_id = store_alert(services.monitor, text="<b>가격</b> 올랐대요")
    inbox = moderator.get("/", headers=KOREAN).text
    assert 'class="alert-banner alert-warning"' in inbox
    # Level, scope and status in Korean; 02:00 UTC shown in Seoul time (11:00).
    assert "<strong>경고</strong>" in inbox and "브랜드 전체: 1000원 · 인상" in inbox
    assert "2026. 7. 15. 11:00부터" in inbox and "경보 열기" in inbox
    assert "negative" not in inbox.split('class="alert-banner', 1)[1].split("</div>", 1)[0]

    page = moderator.get(f"/alerts/{alert_id}", headers=KOREAN).text
    assert '<html lang="ko">' in page
    for korean in (
        "경고 · 브랜드 전체",
        "타임라인",
        "주요 주장과 주제",
        "첫 대응",
        "위기 대응 모드 켜기",
    ):
        assert korean in page, korean
    assert "잘못된 정보 — 팩트 시트로 바로잡으세요" in page
    assert "받은편지함" in page and "로그아웃" in page
    for english in ("Timeline", "Top claims", "First steps", "Switch on crisis mode", "UTC"):
        assert english not in page, english
    # The chart's axis is in the user's zone too: the first bar starts 00:40 UTC = 09:40 KST.
    assert ">09:40</text>" in page and ">00:40</text>" not in page
    assert "&lt;b&gt;가격&lt;/b&gt;" in page and "<b>가격</b>" not in page


def test_alert_list_in_german(services: Services, moderator: TestClient) -> None:
    assert services.monitor is not None
    store_alert(services.monitor, level="storm")
    page = moderator.get("/alerts", headers={"Accept-Language": "de"}).text
    assert "Sturmwarnungen" in page and "Sturm · aktiv" in page and "ganze Marke" in page
    assert "15.07.2026, 04:00" in page  # Europe/Berlin in July: UTC+2


def test_refused_action_is_explained_in_korean(services: Services, moderator: TestClient) -> None:
    assert services.monitor is not None
    alert_id = store_alert(services.monitor)
    moderator.headers.update(KOREAN)
    token = csrf_from(moderator.get(f"/alerts/{alert_id}").text)
    page = moderator.post(f"/alerts/{alert_id}/resolve", data={"note": " ", "csrf_token": token})
    assert page.status_code == 200
    assert "경보를 해결하려면 메모(어떤 조치를 했는지)가 필요해요." in page.text
    alert = services.monitor.get(alert_id)
    assert alert is not None and alert.status == "open"
    assert moderator.get("/alerts/999999").status_code == 404


def test_alert_errors_map_known_shapes_and_keep_unknown_ones() -> None:
    korean, german = UiLocale("ko", "Asia/Seoul"), UiLocale("de", "Europe/Berlin")
    assert (
        translate_message("alert 7 is already resolved", korean) == "경보 7은(는) 이미 해결됐어요."
    )
    assert (
        translate_message("crisis mode is already on for campaign:spring", german)
        == "Der Krisenmodus ist für die Kampagne spring bereits an."
    )
    assert translate_message("something new", korean) == "something new"


def test_default_first_steps_and_contacts_are_in_the_catalogue() -> None:
    # The alert page translates the default playbook text; a changed default must be re-added.
    config = load_config()
    ids = {message.id for message in extract_catalog()}
    texts = [*config.first_steps, *(contact.role for contact in config.contacts)]
    assert texts and set(texts) <= ids, set(texts) - ids
