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
