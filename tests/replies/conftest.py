from __future__ import annotations

import pytest

from comity.replies import BrandProfile, load_profile


@pytest.fixture(scope="session")
def profile() -> BrandProfile:
    """The demo brand's profile (Haneul Coffee)."""
    return load_profile()
