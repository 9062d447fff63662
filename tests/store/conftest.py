from __future__ import annotations

import pytest
from sqlalchemy import Engine

from comity.store import CommentRepository


@pytest.fixture
def repo(engine: Engine) -> CommentRepository:
    return CommentRepository(engine)
