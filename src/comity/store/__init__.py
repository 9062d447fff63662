"""Storage adapter: SQLAlchemy tables, migrations and repositories."""

from comity.store.comments import CommentRepository, StoredComment
from comity.store.db import make_engine, migrate

__all__ = ["CommentRepository", "StoredComment", "make_engine", "migrate"]
