"""rule hits: an explicit `automatic` flag instead of the "hide:auto" action string

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-25 21:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Stored "hide:auto" rows stay as they are; the store reads them as automatic hides.
    with op.batch_alter_table("rule_hits") as batch:
        batch.add_column(
            sa.Column("automatic", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("rule_hits") as batch:
        batch.drop_column("automatic")
