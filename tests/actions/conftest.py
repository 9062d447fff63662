"""Inbox action fixtures: a migrated database of each kind with cases and team members."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, insert

from comity.actions import ActionContext
from comity.domain import Category, Priority, Queue, Role, Sentiment
from comity.store import tables as t
from comity.store.users import User
from tests.clock import Clock
from tests.store.inbox_data import Seed, store

TEAM = {
    "admin": Role.ADMIN,
    "mina": Role.MODERATOR,
    "jun": Role.AGENT,
    "sora": Role.AGENT,
    "ana": Role.ANALYST,
}


@pytest.fixture
def team(engine: Engine) -> dict[str, User]:
    users: dict[str, User] = {}
    with engine.begin() as conn:
        for name, role in TEAM.items():
            email = f"{name}@haneul.example"
            user_id = conn.execute(
                insert(t.users)
                .values(
                    email=email,
                    password_hash="-",
                    role=role.value,
                    disabled=False,
                    created_at=datetime(2026, 1, 1, tzinfo=UTC),
                )
                .returning(t.users.c.id)
            ).scalar_one()
            users[name] = User(id=user_id, email=email, role=role, disabled=False)
    return users


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2026, 7, 1, 12, 0, tzinfo=UTC))


@pytest.fixture
def ctx(engine: Engine, clock: Clock) -> ActionContext:
    return ActionContext(engine, clock=clock)


@pytest.fixture
def cases(engine: Engine) -> dict[str, int]:
    return store(
        engine,
        [
            Seed("q1", "환불 언제 돼요?", category=Category.COMPLAINT,
                 sentiment=Sentiment.NEGATIVE, handle="kim"),
            Seed("q2", "매장 위치 알려주세요", handle="lee"),
            Seed("s1", "무료 쿠폰 받기 spam.example", queue=Queue.MODERATION,
                 priority=Priority.P1, handle="bot1"),
            Seed("s2", "무료 쿠폰 여기 spam.example", queue=Queue.MODERATION, handle="bot2"),
            Seed("s3", "쿠폰 공짜 spam.example", queue=Queue.MODERATION, handle="bot3"),
        ],
    )  # fmt: skip


MakeCtx = Callable[..., ActionContext]
