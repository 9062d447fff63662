"""replies: saved replies

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 18:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "saved_replies",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("lang", sa.String(length=8), nullable=False),
        sa.Column("level", sa.String(length=16), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("usage_count", sa.Integer(), nullable=False),
        sa.Column("created_by", sa.String(length=320), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_saved_replies")),
        sa.UniqueConstraint("key", name=op.f("uq_saved_replies_key")),
    )
    with op.batch_alter_table("saved_replies", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_saved_replies_category_lang"), ["category", "lang"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("saved_replies", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_saved_replies_category_lang"))
    op.drop_table("saved_replies")
