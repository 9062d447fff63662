"""docs/api.md and docs/webhooks.md must keep up with the routes and the signing code."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from comity.connectors.webhook import sign

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_every_api_route_is_documented(client: TestClient) -> None:
    text = (DOCS / "api.md").read_text(encoding="utf-8")
    paths = client.get("/openapi.json").json()["paths"]
    routes = [f"`{method.upper()} {path}`" for path, ops in paths.items() for method in ops]
    assert routes and [route for route in routes if route not in text] == []


@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl is not installed")
def test_the_documented_openssl_recipe_matches_sign() -> None:
    text = (DOCS / "webhooks.md").read_text(encoding="utf-8")
    recipe = re.search(r"SIG=\$\((.+)\)\n", text)
    assert recipe is not None
    body = '{"external_id": "1", "text": "유자에이드 최고예요"}'
    result = subprocess.run(
        ["sh", "-c", recipe.group(1)],
        env={"KEY": "k3y", "TS": "1783069260", "BODY": body, "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert "sha256=" + result.stdout.strip() == sign("k3y", 1783069260, body.encode())
