"""Narrative paragraphs keep the headings that enclose their nearest heading (`parents`, a
JSON list outermost first: `第三部分 …情况说明` above `五、…` above `（一）…`), so that a year
in any of them is checked too. NULL where there are none (every paragraph stored before).

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("narrative_paragraphs") as batch:
        batch.add_column(sa.Column("parents", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("narrative_paragraphs") as batch:
        batch.drop_column("parents")
