from __future__ import annotations

from pathlib import Path

import pytest

from comity.runtime.services import Services
from comity.settings import Settings


@pytest.mark.parametrize(("bundle", "research"), [("default", False), ("research", True)])
def test_research_models_follow_the_loaded_triager(
    tmp_path: Path, bundle: str, research: bool
) -> None:
    settings = Settings(data_dir=tmp_path, triage_bundle=bundle, secret_key="k" * 40)
    services = Services.from_settings(settings)
    try:
        assert services.research_models() is research  # before loading: the setting
        assert services.pipeline.triager.bundle_info.research is research
        services.settings.triage_bundle = "default" if research else "research"
        assert services.research_models() is research  # loaded: what actually runs
    finally:
        services.close()


def test_actions_know_what_the_configured_connectors_can_undo(tmp_path: Path) -> None:
    settings = Settings(
        data_dir=tmp_path,
        secret_key="k" * 40,
        connectors={"yt_main": {"kind": "youtube", "token": "t"}},
    )
    services = Services.from_settings(settings)
    try:
        allows = services.action_context().channel_allows
        assert allows is not None
        assert allows("yt_main", "unhide")  # YouTube can publish a held comment again
        assert not allows("yt_main", "unban")  # its API has no bans to lift
        assert allows("instagram", "unban")  # no connector: nothing reached the channel
    finally:
        services.close()
