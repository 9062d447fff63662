from __future__ import annotations

from fastapi.testclient import TestClient


def test_the_page_is_public_and_in_each_language(client: TestClient) -> None:
    korean = client.get("/netiquette")
    assert korean.status_code == 200
    assert "욕설, 모욕, 괴롭힘은 삼가 주세요." in korean.text
    english = client.get("/netiquette?lang=en")
    assert "No insults or harassment, please." in english.text
    german = client.get("/netiquette", params={"lang": "de"})
    assert "Keine Hassrede und keine Diskriminierung." in german.text
    assert client.get("/netiquette?lang=fr").status_code == 422
