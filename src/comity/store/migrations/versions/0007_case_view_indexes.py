"""case view: replies by parent, authors by handle

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25 20:10:00
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Without them the case view scanned every comment for the thread's replies (80 ms at
    # 200,000 comments) and every author for the same handle on other channels.
    op.create_index(
        "ix_comments_channel_parent_external_id",
        "comments",
        ["channel", "parent_external_id"],
        unique=False,
    )
    op.create_index("ix_authors_handle", "authors", ["handle"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_authors_handle", table_name="authors")
    op.drop_index("ix_comments_channel_parent_external_id", table_name="comments")
