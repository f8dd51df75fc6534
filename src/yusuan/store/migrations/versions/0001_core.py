"""The core schema: the whole canonical model (`yusuan/disclosure@1`) and its findings.

Revision ID: 0001
Revises: (none)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import yusuan.store.types

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "departments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("code", sa.Text(), nullable=True),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("short_name", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_departments")),
        sa.UniqueConstraint("key", name=op.f("uq_departments_key")),
    )
    op.create_index(op.f("ix_departments_code"), "departments", ["code"], unique=False)
    op.create_table(
        "disclosures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.BigInteger(), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=True),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("imported_by", sa.Text(), nullable=True),
        sa.Column("status_changed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("schema_id", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("department_name", sa.Text(), nullable=True),
        sa.Column("department_short_name", sa.Text(), nullable=True),
        sa.Column("department_code", sa.Text(), nullable=True),
        sa.Column("currency_unit", sa.String(length=20), nullable=False),
        sa.Column("overall_goal", sa.Text(), nullable=True),
        sa.Column("has_budget_figures", sa.Boolean(), nullable=False),
        sa.CheckConstraint("kind IN ('budget', 'final')", name=op.f("ck_disclosures_kind")),
        sa.CheckConstraint(
            "status IN ('draft', 'submitted', 'published')", name=op.f("ck_disclosures_status")
        ),
        sa.ForeignKeyConstraint(
            ["department_id"],
            ["departments.id"],
            name=op.f("fk_disclosures_department_id_departments"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_disclosures")),
        sa.UniqueConstraint("content_hash", name=op.f("uq_disclosures_content_hash")),
        sa.UniqueConstraint(
            "department_id",
            "year",
            "kind",
            "version",
            name=op.f("uq_disclosures_department_id_year_kind_version"),
        ),
    )
    op.create_index(
        op.f("ix_disclosures_department_id"), "disclosures", ["department_id"], unique=False
    )
    op.create_index(op.f("ix_disclosures_status"), "disclosures", ["status"], unique=False)
    op.create_index(op.f("ix_disclosures_year"), "disclosures", ["year"], unique=False)
    op.create_table(
        "asset_categories",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("disclosure_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("amount", yusuan.store.types.Money(), nullable=False),
        sa.ForeignKeyConstraint(
            ["disclosure_id"],
            ["disclosures.id"],
            name=op.f("fk_asset_categories_disclosure_id_disclosures"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_asset_categories")),
    )
    op.create_index(
        op.f("ix_asset_categories_disclosure_id"),
        "asset_categories",
        ["disclosure_id"],
        unique=False,
    )
    op.create_table(
        "asset_rows",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("disclosure_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("item", sa.Text(), nullable=False),
        sa.Column("quantity", yusuan.store.types.Money(), nullable=True),
        sa.Column("value", yusuan.store.types.Money(), nullable=True),
        sa.ForeignKeyConstraint(
            ["disclosure_id"],
            ["disclosures.id"],
            name=op.f("fk_asset_rows_disclosure_id_disclosures"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_asset_rows")),
    )
    op.create_index(
        op.f("ix_asset_rows_disclosure_id"), "asset_rows", ["disclosure_id"], unique=False
    )
    op.create_table(
        "assets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("disclosure_id", sa.Integer(), nullable=False),
        sa.Column("total", yusuan.store.types.Money(), nullable=True),
        sa.Column("as_of", sa.Text(), nullable=True),
        sa.Column("planned_purchase", yusuan.store.types.Money(), nullable=True),
        sa.ForeignKeyConstraint(
            ["disclosure_id"],
            ["disclosures.id"],
            name=op.f("fk_assets_disclosure_id_disclosures"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assets")),
        sa.UniqueConstraint("disclosure_id", name=op.f("uq_assets_disclosure_id")),
    )
    op.create_table(
        "figures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("disclosure_id", sa.Integer(), nullable=False),
        sa.Column("figure_set", sa.String(length=20), nullable=False),
        sa.Column("has_income", sa.Boolean(), nullable=False),
        sa.Column("income_total", yusuan.store.types.Money(), nullable=True),
        sa.Column("income_change", yusuan.store.types.Money(), nullable=True),
        sa.Column("income_growth_pct", yusuan.store.types.Money(), nullable=True),
        sa.Column("has_expenditure", sa.Boolean(), nullable=False),
        sa.Column("expenditure_total", yusuan.store.types.Money(), nullable=True),
        sa.Column("basic_amount", yusuan.store.types.Money(), nullable=True),
        sa.Column("basic_share_pct", yusuan.store.types.Money(), nullable=True),
        sa.Column("basic_change", yusuan.store.types.Money(), nullable=True),
        sa.Column("basic_personnel", yusuan.store.types.Money(), nullable=True),
        sa.Column("basic_public", yusuan.store.types.Money(), nullable=True),
        sa.Column("project_amount", yusuan.store.types.Money(), nullable=True),
        sa.Column("project_share_pct", yusuan.store.types.Money(), nullable=True),
        sa.Column("project_change", yusuan.store.types.Money(), nullable=True),
        sa.Column("project_own", yusuan.store.types.Money(), nullable=True),
        sa.Column("project_carryover", yusuan.store.types.Money(), nullable=True),
        sa.Column("has_operating_costs", sa.Boolean(), nullable=False),
        sa.Column("operating_amount", yusuan.store.types.Money(), nullable=True),
        sa.Column("operating_change", yusuan.store.types.Money(), nullable=True),
        sa.Column("has_three_public", sa.Boolean(), nullable=False),
        sa.Column("three_public_total", yusuan.store.types.Money(), nullable=True),
        sa.Column("three_public_change", yusuan.store.types.Money(), nullable=True),
        sa.Column("overseas", yusuan.store.types.Money(), nullable=True),
        sa.Column("vehicle_total", yusuan.store.types.Money(), nullable=True),
        sa.Column("vehicle_purchase", yusuan.store.types.Money(), nullable=True),
        sa.Column("vehicle_operation", yusuan.store.types.Money(), nullable=True),
        sa.Column("reception", yusuan.store.types.Money(), nullable=True),
        sa.CheckConstraint(
            "figure_set IN ('reported', 'budget')", name=op.f("ck_figures_figure_set")
        ),
        sa.ForeignKeyConstraint(
            ["disclosure_id"],
            ["disclosures.id"],
            name=op.f("fk_figures_disclosure_id_disclosures"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_figures")),
        sa.UniqueConstraint(
            "disclosure_id", "figure_set", name=op.f("uq_figures_disclosure_id_figure_set")
        ),
    )
    op.create_index(op.f("ix_figures_disclosure_id"), "figures", ["disclosure_id"], unique=False)
    op.create_table(
        "findings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("disclosure_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("rule", sa.String(length=100), nullable=False),
        sa.Column("severity", sa.String(length=20), nullable=False),
        sa.Column("category", sa.String(length=40), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("message_en", sa.Text(), nullable=False),
        sa.Column("hint", sa.Text(), nullable=True),
        sa.Column("hint_en", sa.Text(), nullable=True),
        sa.Column("suppressed", sa.Text(), nullable=True),
        sa.Column("evidence_quote", sa.Text(), nullable=True),
        sa.Column("evidence_stated", sa.Text(), nullable=True),
        sa.Column("evidence_computed", sa.Text(), nullable=True),
        sa.Column("evidence_formula", sa.Text(), nullable=True),
        sa.Column("project_no", sa.BigInteger(), nullable=True),
        sa.Column("review_status", sa.String(length=20), nullable=False),
        sa.Column("review_comment", sa.Text(), nullable=True),
        sa.Column("reviewed_by", sa.Text(), nullable=True),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "review_status IN ('open', 'accepted', 'disputed')",
            name=op.f("ck_findings_review_status"),
        ),
        sa.ForeignKeyConstraint(
            ["disclosure_id"],
            ["disclosures.id"],
            name=op.f("fk_findings_disclosure_id_disclosures"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_findings")),
    )
    op.create_index(op.f("ix_findings_disclosure_id"), "findings", ["disclosure_id"], unique=False)
    op.create_index(op.f("ix_findings_project_no"), "findings", ["project_no"], unique=False)
    op.create_index(op.f("ix_findings_rule"), "findings", ["rule"], unique=False)
    op.create_index(op.f("ix_findings_severity"), "findings", ["severity"], unique=False)
    op.create_table(
        "glossary",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("disclosure_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("term", sa.Text(), nullable=False),
        sa.Column("definition", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["disclosure_id"],
            ["disclosures.id"],
            name=op.f("fk_glossary_disclosure_id_disclosures"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_glossary")),
    )
    op.create_index(op.f("ix_glossary_disclosure_id"), "glossary", ["disclosure_id"], unique=False)
    op.create_table(
        "performance_goals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("disclosure_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("no", sa.BigInteger(), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("goal", sa.Text(), nullable=True),
        sa.Column("indicators_text", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["disclosure_id"],
            ["disclosures.id"],
            name=op.f("fk_performance_goals_disclosure_id_disclosures"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_performance_goals")),
    )
    op.create_index(
        op.f("ix_performance_goals_disclosure_id"),
        "performance_goals",
        ["disclosure_id"],
        unique=False,
    )
    op.create_table(
        "procurement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("disclosure_id", sa.Integer(), nullable=False),
        sa.Column("total", yusuan.store.types.Money(), nullable=True),
        sa.Column("count", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["disclosure_id"],
            ["disclosures.id"],
            name=op.f("fk_procurement_disclosure_id_disclosures"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_procurement")),
        sa.UniqueConstraint("disclosure_id", name=op.f("uq_procurement_disclosure_id")),
    )
    op.create_table(
        "procurement_categories",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("disclosure_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("category", sa.String(length=20), nullable=False),
        sa.Column("count", sa.BigInteger(), nullable=True),
        sa.Column("amount", yusuan.store.types.Money(), nullable=True),
        sa.ForeignKeyConstraint(
            ["disclosure_id"],
            ["disclosures.id"],
            name=op.f("fk_procurement_categories_disclosure_id_disclosures"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_procurement_categories")),
    )
    op.create_index(
        op.f("ix_procurement_categories_disclosure_id"),
        "procurement_categories",
        ["disclosure_id"],
        unique=False,
    )
    op.create_table(
        "procurement_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("disclosure_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("source_project", sa.Text(), nullable=True),
        sa.Column("source_budget", yusuan.store.types.Money(), nullable=True),
        sa.Column("item", sa.Text(), nullable=True),
        sa.Column("catalog_code", sa.Text(), nullable=True),
        sa.Column("unit", sa.Text(), nullable=True),
        sa.Column("quantity", yusuan.store.types.Money(), nullable=True),
        sa.Column("unit_price", yusuan.store.types.Money(), nullable=True),
        sa.Column("amount", yusuan.store.types.Money(), nullable=True),
        sa.Column("general_budget", yusuan.store.types.Money(), nullable=True),
        sa.ForeignKeyConstraint(
            ["disclosure_id"],
            ["disclosures.id"],
            name=op.f("fk_procurement_items_disclosure_id_disclosures"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_procurement_items")),
    )
    op.create_index(
        op.f("ix_procurement_items_catalog_code"),
        "procurement_items",
        ["catalog_code"],
        unique=False,
    )
    op.create_index(
        op.f("ix_procurement_items_disclosure_id"),
        "procurement_items",
        ["disclosure_id"],
        unique=False,
    )
    op.create_table(
        "projects",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("disclosure_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("no", sa.BigInteger(), nullable=False),
        sa.Column("code", sa.Text(), nullable=True),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("unit", sa.Text(), nullable=True),
        sa.Column("amount", yusuan.store.types.Money(), nullable=True),
        sa.Column("fiscal", yusuan.store.types.Money(), nullable=True),
        sa.Column("other", yusuan.store.types.Money(), nullable=True),
        sa.Column("purpose", sa.Text(), nullable=True),
        sa.Column("plan_3", yusuan.store.types.Money(), nullable=True),
        sa.Column("plan_6", yusuan.store.types.Money(), nullable=True),
        sa.Column("plan_10", yusuan.store.types.Money(), nullable=True),
        sa.Column("plan_12", yusuan.store.types.Money(), nullable=True),
        sa.ForeignKeyConstraint(
            ["disclosure_id"],
            ["disclosures.id"],
            name=op.f("fk_projects_disclosure_id_disclosures"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_projects")),
    )
    op.create_index(op.f("ix_projects_code"), "projects", ["code"], unique=False)
    op.create_index(op.f("ix_projects_disclosure_id"), "projects", ["disclosure_id"], unique=False)
    op.create_table(
        "source_places",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("disclosure_id", sa.Integer(), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("file", sa.Text(), nullable=True),
        sa.Column("line", sa.BigInteger(), nullable=True),
        sa.Column("page", sa.BigInteger(), nullable=True),
        sa.Column("bbox_x0", sa.Double(), nullable=True),
        sa.Column("bbox_top", sa.Double(), nullable=True),
        sa.Column("bbox_x1", sa.Double(), nullable=True),
        sa.Column("bbox_bottom", sa.Double(), nullable=True),
        sa.ForeignKeyConstraint(
            ["disclosure_id"],
            ["disclosures.id"],
            name=op.f("fk_source_places_disclosure_id_disclosures"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_source_places")),
        sa.UniqueConstraint(
            "disclosure_id", "path", name=op.f("uq_source_places_disclosure_id_path")
        ),
    )
    op.create_table(
        "standard_tables",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("disclosure_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("unit", sa.Text(), nullable=True),
        sa.Column("empty", sa.Boolean(), nullable=False),
        sa.Column("column_count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["disclosure_id"],
            ["disclosures.id"],
            name=op.f("fk_standard_tables_disclosure_id_disclosures"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_standard_tables")),
    )
    op.create_index(
        op.f("ix_standard_tables_disclosure_id"), "standard_tables", ["disclosure_id"], unique=False
    )
    op.create_index(op.f("ix_standard_tables_name"), "standard_tables", ["name"], unique=False)
    op.create_table(
        "text_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("disclosure_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('duties', 'safeguards', 'notes')", name=op.f("ck_text_items_kind")
        ),
        sa.ForeignKeyConstraint(
            ["disclosure_id"],
            ["disclosures.id"],
            name=op.f("fk_text_items_disclosure_id_disclosures"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_text_items")),
    )
    op.create_index(
        op.f("ix_text_items_disclosure_id"), "text_items", ["disclosure_id"], unique=False
    )
    op.create_table(
        "units",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("disclosure_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("nature", sa.Text(), nullable=True),
        sa.Column("level", sa.Text(), nullable=True),
        sa.Column("funding", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["disclosure_id"],
            ["disclosures.id"],
            name=op.f("fk_units_disclosure_id_disclosures"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_units")),
    )
    op.create_index(op.f("ix_units_disclosure_id"), "units", ["disclosure_id"], unique=False)
    op.create_table(
        "discrepancies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("disclosure_id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("field", sa.Text(), nullable=False),
        sa.Column("table_number", yusuan.store.types.Money(), nullable=True),
        sa.Column("table_text", sa.Text(), nullable=True),
        sa.Column("prose_number", yusuan.store.types.Money(), nullable=True),
        sa.Column("prose_text", sa.Text(), nullable=True),
        sa.Column("shifted_number", yusuan.store.types.Money(), nullable=True),
        sa.Column("shifted_text", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["disclosure_id"],
            ["disclosures.id"],
            name=op.f("fk_discrepancies_disclosure_id_disclosures"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_discrepancies_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_discrepancies")),
    )
    op.create_index(
        op.f("ix_discrepancies_disclosure_id"), "discrepancies", ["disclosure_id"], unique=False
    )
    op.create_index(
        op.f("ix_discrepancies_project_id"), "discrepancies", ["project_id"], unique=False
    )
    op.create_table(
        "finding_locations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("finding_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("line", sa.BigInteger(), nullable=True),
        sa.Column("page", sa.BigInteger(), nullable=True),
        sa.Column("bbox_x0", sa.Double(), nullable=True),
        sa.Column("bbox_top", sa.Double(), nullable=True),
        sa.Column("bbox_x1", sa.Double(), nullable=True),
        sa.Column("bbox_bottom", sa.Double(), nullable=True),
        sa.Column("section", sa.Text(), nullable=True),
        sa.Column("project_no", sa.BigInteger(), nullable=True),
        sa.Column("project_code", sa.Text(), nullable=True),
        sa.Column("indicator", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["finding_id"],
            ["findings.id"],
            name=op.f("fk_finding_locations_finding_id_findings"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_finding_locations")),
    )
    op.create_index(
        op.f("ix_finding_locations_finding_id"), "finding_locations", ["finding_id"], unique=False
    )
    op.create_table(
        "income_sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("figures_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("amount", yusuan.store.types.Money(), nullable=True),
        sa.Column("change", yusuan.store.types.Money(), nullable=True),
        sa.Column("growth_pct", yusuan.store.types.Money(), nullable=True),
        sa.Column("share_pct", yusuan.store.types.Money(), nullable=True),
        sa.ForeignKeyConstraint(
            ["figures_id"],
            ["figures.id"],
            name=op.f("fk_income_sources_figures_id_figures"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_income_sources")),
    )
    op.create_index(
        op.f("ix_income_sources_figures_id"), "income_sources", ["figures_id"], unique=False
    )
    op.create_index(op.f("ix_income_sources_key"), "income_sources", ["key"], unique=False)
    op.create_table(
        "indicators",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("level1", sa.Text(), nullable=True),
        sa.Column("level2", sa.Text(), nullable=True),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("value", sa.Text(), nullable=True),
        sa.Column("basis", sa.Text(), nullable=True),
        sa.Column("parsed_kind", sa.String(length=20), nullable=True),
        sa.Column("parsed_comparator", sa.String(length=4), nullable=True),
        sa.Column("parsed_number", yusuan.store.types.Money(), nullable=True),
        sa.Column("parsed_unit", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_indicators_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indicators")),
    )
    op.create_index(op.f("ix_indicators_project_id"), "indicators", ["project_id"], unique=False)
    op.create_table(
        "procurement_item_funds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("column_name", sa.Text(), nullable=False),
        sa.Column("amount", yusuan.store.types.Money(), nullable=True),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["procurement_items.id"],
            name=op.f("fk_procurement_item_funds_item_id_procurement_items"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_procurement_item_funds")),
    )
    op.create_index(
        op.f("ix_procurement_item_funds_item_id"),
        "procurement_item_funds",
        ["item_id"],
        unique=False,
    )
    op.create_table(
        "project_goals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_project_goals_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project_goals")),
    )
    op.create_index(
        op.f("ix_project_goals_project_id"), "project_goals", ["project_id"], unique=False
    )
    op.create_table(
        "table_header_cells",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("table_id", sa.Integer(), nullable=False),
        sa.Column("column", sa.Integer(), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["table_id"],
            ["standard_tables.id"],
            name=op.f("fk_table_header_cells_table_id_standard_tables"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_table_header_cells")),
    )
    op.create_index(
        op.f("ix_table_header_cells_table_id"), "table_header_cells", ["table_id"], unique=False
    )
    op.create_table(
        "table_pages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("table_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("page", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["table_id"],
            ["standard_tables.id"],
            name=op.f("fk_table_pages_table_id_standard_tables"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_table_pages")),
    )
    op.create_index(op.f("ix_table_pages_table_id"), "table_pages", ["table_id"], unique=False)
    op.create_table(
        "table_rows",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("table_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("code", sa.Text(), nullable=True),
        sa.Column("label", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["table_id"],
            ["standard_tables.id"],
            name=op.f("fk_table_rows_table_id_standard_tables"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_table_rows")),
    )
    op.create_index(op.f("ix_table_rows_code"), "table_rows", ["code"], unique=False)
    op.create_index(op.f("ix_table_rows_table_id"), "table_rows", ["table_id"], unique=False)
    op.create_table(
        "table_cells",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("row_id", sa.Integer(), nullable=False),
        sa.Column("column", sa.Integer(), nullable=False),
        sa.Column("value", yusuan.store.types.Money(), nullable=True),
        sa.ForeignKeyConstraint(
            ["row_id"],
            ["table_rows.id"],
            name=op.f("fk_table_cells_row_id_table_rows"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_table_cells")),
    )
    op.create_index(op.f("ix_table_cells_row_id"), "table_cells", ["row_id"], unique=False)


def downgrade() -> None:
    # Children before parents (foreign keys).
    op.drop_table("table_cells")
    op.drop_table("table_rows")
    op.drop_table("table_pages")
    op.drop_table("table_header_cells")
    op.drop_table("project_goals")
    op.drop_table("procurement_item_funds")
    op.drop_table("indicators")
    op.drop_table("income_sources")
    op.drop_table("finding_locations")
    op.drop_table("discrepancies")
    op.drop_table("units")
    op.drop_table("text_items")
    op.drop_table("standard_tables")
    op.drop_table("source_places")
    op.drop_table("projects")
    op.drop_table("procurement_items")
    op.drop_table("procurement_categories")
    op.drop_table("procurement")
    op.drop_table("performance_goals")
    op.drop_table("glossary")
    op.drop_table("findings")
    op.drop_table("figures")
    op.drop_table("assets")
    op.drop_table("asset_rows")
    op.drop_table("asset_categories")
    op.drop_table("disclosures")
    op.drop_table("departments")
