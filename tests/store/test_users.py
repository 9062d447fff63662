from __future__ import annotations

import pytest
from sqlalchemy import Engine, select

from comity.store import tables as t
from comity.store.users import Role, UserError, UserRepository


@pytest.fixture
def users(engine: Engine) -> UserRepository:
    return UserRepository(engine)


def test_passwords_are_argon2id_and_verify(users: UserRepository, engine: Engine) -> None:
    users.add("Mina@Haneul.example", "a long passphrase", Role.MODERATOR)
    with engine.connect() as conn:
        stored = conn.execute(select(t.users.c.password_hash)).scalar_one()
    assert stored.startswith("$argon2id$") and "a long passphrase" not in stored
    user = users.authenticate("mina@haneul.example", "a long passphrase")
    assert user is not None and user.role is Role.MODERATOR
    assert users.authenticate("mina@haneul.example", "wrong password") is None
    assert users.authenticate("nobody@haneul.example", "a long passphrase") is None


def test_duplicate_and_weak_accounts_are_refused(users: UserRepository) -> None:
    users.add("a@haneul.example", "0123456789", Role.AGENT)
    with pytest.raises(UserError, match="already exists"):
        users.add("A@haneul.example", "0123456789", Role.AGENT)
    with pytest.raises(UserError, match="at least"):
        users.add("b@haneul.example", "short", Role.AGENT)


def test_tokens_are_hashed_and_stop_working_when_disabled(
    users: UserRepository, engine: Engine
) -> None:
    users.add("bot@haneul.example", "0123456789", Role.AGENT)
    token = users.create_token("bot@haneul.example")
    with engine.connect() as conn:
        assert token not in str(conn.execute(select(t.api_tokens)).all())
    user = users.user_for_token(token)
    assert user is not None and user.email == "bot@haneul.example"
    assert users.user_for_token(token + "x") is None
    users.disable("bot@haneul.example")
    assert users.user_for_token(token) is None
    assert users.authenticate("bot@haneul.example", "0123456789") is None
