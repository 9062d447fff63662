"""Users and API tokens. Passwords are argon2id hashes; tokens are stored as SHA-256."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Engine, insert, select, update
from sqlalchemy.exc import IntegrityError

from comity.domain import Role
from comity.store import tables as t

__all__ = ["Preferences", "Role", "User", "UserError", "UserRepository"]

_hasher = PasswordHasher()
MIN_PASSWORD_LENGTH = 10


@dataclass(frozen=True, slots=True)
class User:
    id: int
    email: str
    role: Role
    disabled: bool


@dataclass(frozen=True, slots=True)
class Preferences:
    """A user's UI language and time zone; None means "as the browser says"."""

    locale: str | None = None
    time_zone: str | None = None


class UserError(ValueError):
    """A user could not be created or changed; the message says why."""


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class UserRepository:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def add(self, email: str, password: str, role: Role) -> User:
        """Create a user; the password is hashed with argon2id."""
        email = email.strip().lower()
        if "@" not in email or len(email) > 320:
            raise UserError(f"not an e-mail address: {email!r}")
        if len(password) < MIN_PASSWORD_LENGTH:
            raise UserError(f"password must have at least {MIN_PASSWORD_LENGTH} characters")
        with self.engine.begin() as conn:
            try:
                result = conn.execute(
                    insert(t.users).values(
                        email=email,
                        password_hash=_hasher.hash(password),
                        role=role.value,
                        disabled=False,
                        created_at=datetime.now(UTC),
                    )
                )
            except IntegrityError:
                raise UserError(f"a user {email} already exists") from None
            user_id = result.inserted_primary_key[0] if result.inserted_primary_key else None
        if user_id is None:
            raise UserError("user was not created")
        return User(id=int(user_id), email=email, role=role, disabled=False)

    def get(self, email: str) -> User | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                select(t.users).where(t.users.c.email == email.strip().lower())
            ).first()
        return User(row.id, row.email, Role(row.role), row.disabled) if row else None

    def get_by_id(self, user_id: int) -> User | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(t.users).where(t.users.c.id == user_id)).first()
        return User(row.id, row.email, Role(row.role), row.disabled) if row else None

    def list(self) -> list[User]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.users).order_by(t.users.c.email))
            return [User(row.id, row.email, Role(row.role), row.disabled) for row in rows]

    def authenticate(self, email: str, password: str) -> User | None:
        """The active user with this password, or None (same cost either way)."""
        with self.engine.connect() as conn:
            row = conn.execute(
                select(t.users).where(t.users.c.email == email.strip().lower())
            ).first()
        stored = row.password_hash if row is not None else _dummy_hash()
        try:
            _hasher.verify(stored, password)
        except (VerificationError, InvalidHashError):
            return None
        if row is None or row.disabled:
            return None
        if _hasher.check_needs_rehash(stored):
            with self.engine.begin() as conn:
                conn.execute(
                    update(t.users)
                    .where(t.users.c.id == row.id)
                    .values(password_hash=_hasher.hash(password))
                )
        return User(row.id, row.email, Role(row.role), row.disabled)

    def set_password(self, email: str, password: str) -> None:
        if len(password) < MIN_PASSWORD_LENGTH:
            raise UserError(f"password must have at least {MIN_PASSWORD_LENGTH} characters")
        self._update(email, password_hash=_hasher.hash(password))

    def disable(self, email: str) -> None:
        self._update(email, disabled=True)

    def _update(self, email: str, **values: object) -> None:
        with self.engine.begin() as conn:
            result = conn.execute(
                update(t.users).where(t.users.c.email == email.strip().lower()).values(**values)
            )
        if result.rowcount == 0:
            raise UserError(f"no user {email}")

    def preferences(self, user_id: int) -> Preferences:
        with self.engine.connect() as conn:
            row = conn.execute(
                select(t.users.c.locale, t.users.c.time_zone).where(t.users.c.id == user_id)
            ).first()
        return Preferences(row.locale, row.time_zone) if row else Preferences()

    def set_preferences(self, user_id: int, locale: str | None, time_zone: str | None) -> None:
        """Store the UI language and time zone (the web layer validates both)."""
        with self.engine.begin() as conn:
            result = conn.execute(
                update(t.users)
                .where(t.users.c.id == user_id)
                .values(locale=locale or None, time_zone=time_zone or None)
            )
        if result.rowcount == 0:
            raise UserError(f"no user with id {user_id}")

    def create_token(self, email: str) -> str:
        """A new API token for the user; only its hash is kept, so show it once."""
        user = self.get(email)
        if user is None:
            raise UserError(f"no user {email}")
        token = "cmt_" + secrets.token_urlsafe(32)
        with self.engine.begin() as conn:
            conn.execute(
                insert(t.api_tokens).values(
                    user_id=user.id, token_hash=_token_hash(token), created_at=datetime.now(UTC)
                )
            )
        return token

    def user_for_token(self, token: str) -> User | None:
        """The active user owning this API token."""
        with self.engine.begin() as conn:
            row = conn.execute(
                select(t.users, t.api_tokens.c.id.label("token_id"))
                .join(t.api_tokens, t.api_tokens.c.user_id == t.users.c.id)
                .where(t.api_tokens.c.token_hash == _token_hash(token))
            ).first()
            if row is None or row.disabled:
                return None
            conn.execute(
                update(t.api_tokens)
                .where(t.api_tokens.c.id == row.token_id)
                .values(last_used_at=datetime.now(UTC))
            )
        return User(row.id, row.email, Role(row.role), row.disabled)


@cache
def _dummy_hash() -> str:
    """A hash to verify against for unknown e-mails (equal timing); made on first login, not
    at import, where it cost every `comity` command and test process ~0.15 s."""
    return _hasher.hash("timing-equaliser-not-a-password")
