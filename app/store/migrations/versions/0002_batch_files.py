"""Batch results as one row per file (recorded as each finishes, by any worker) and the batch's backend.

Revision ID: 0002
Revises: 0001
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    connection = op.get_bind()
    kept = connection.execute(sa.text("SELECT id, results_json FROM batches")).all()
    # SQLite rebuilds the altered table (copy, drop, rename): alter it before anything references it
    with op.batch_alter_table("batches") as batch:
        batch.add_column(sa.Column("backend", sa.String(16), nullable=False, server_default="local"))
        batch.drop_column("results_json")
    files = op.create_table(
        "batch_files",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("batch_id", sa.String(36), sa.ForeignKey("batches.id", ondelete="CASCADE"), nullable=False),
        sa.Column("index", sa.Integer, nullable=False),
        sa.Column("result_json", sa.Text, nullable=False),
        sa.UniqueConstraint("batch_id", "index", name="uq_batch_files_batch_index"),
    )
    op.create_index("ix_batch_files_batch_id", "batch_files", ["batch_id"])
    rows = [{"batch_id": batch_id, "index": index, "result_json": json.dumps(result)}
            for batch_id, results_json in kept for index, result in enumerate(json.loads(results_json or "[]"))]
    if rows:
        op.bulk_insert(files, rows)


def downgrade() -> None:
    """Back to one JSON column per batch (results recorded after the upgrade are not carried back)."""
    op.drop_index("ix_batch_files_batch_id", "batch_files")
    op.drop_table("batch_files")
    with op.batch_alter_table("batches") as batch:
        batch.add_column(sa.Column("results_json", sa.Text, nullable=False, server_default="[]"))
        batch.drop_column("backend")
