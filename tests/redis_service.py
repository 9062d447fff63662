"""The project's Redis for scale-out tests; mandatory when CI=true."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from redis import Redis
from redis.exceptions import RedisError

from tests.pg import in_ci

REDIS_URL = os.environ.get("COMITY_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


@contextmanager
def redis_prefix() -> Iterator[tuple[Redis, str]]:
    """A connected client and a key prefix of this test's own, deleted afterwards."""
    client = Redis.from_url(REDIS_URL, socket_timeout=5)
    try:
        client.ping()
    except RedisError as error:
        client.close()
        message = f"Redis at {REDIS_URL} is unreachable: {error}"
        if in_ci():
            pytest.fail(f"{message} (CI=true: Redis tests are mandatory)", pytrace=False)
        pytest.skip(message)
    prefix = f"comity-test-{uuid.uuid4().hex[:10]}"
    try:
        yield client, prefix
    finally:
        keys = list(client.scan_iter(f"{prefix}:*"))
        if keys:
            client.delete(*keys)
        client.close()
