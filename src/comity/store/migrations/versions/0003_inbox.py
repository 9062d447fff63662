"""inbox: notes, events, replies, search

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 18:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # --- ui helper: user preferences (language and time zone; NULL = from the browser) ---
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("locale", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("time_zone", sa.String(length=64), nullable=True))
    # --- end ui helper: user preferences ---


def downgrade() -> None:
    # --- ui helper: user preferences ---
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("time_zone")
        batch_op.drop_column("locale")
    # --- end ui helper: user preferences ---
