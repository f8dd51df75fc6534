"""Narrative paragraphs: the prose that explains the standard tables (决算 情况说明), printed
paragraph by paragraph under its nearest heading. Their places are `source_places` rows
("narrative[3]") like every other object's.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "narrative_paragraphs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("disclosure_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("heading", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["disclosure_id"],
            ["disclosures.id"],
            name=op.f("fk_narrative_paragraphs_disclosure_id_disclosures"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_narrative_paragraphs")),
    )
    op.create_index(
        op.f("ix_narrative_paragraphs_disclosure_id"),
        "narrative_paragraphs",
        ["disclosure_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_narrative_paragraphs_disclosure_id"), table_name="narrative_paragraphs")
    op.drop_table("narrative_paragraphs")
