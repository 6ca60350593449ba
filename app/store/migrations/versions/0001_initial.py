"""Peer store and batch jobs.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "peers",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("public_id", sa.String(36), nullable=False),  # unique through ix_peers_public_id
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("document_sha256", sa.String(64), nullable=False),
        sa.Column("specialty", sa.String(64)),
        sa.Column("state", sa.String(2)),
        sa.Column("setting", sa.String(32)),
        sa.Column("year", sa.Integer),
        sa.Column("risk_score", sa.Integer, nullable=False),
    )
    op.create_index("ix_peers_public_id", "peers", ["public_id"], unique=True)
    op.create_index("ix_peers_document_sha256", "peers", ["document_sha256"])
    for column in ("specialty", "state", "setting"):
        op.create_index(f"ix_peers_{column}", "peers", [column])
    op.create_table(
        "peer_terms",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("peer_id", sa.Integer, sa.ForeignKey("peers.id", ondelete="CASCADE"), nullable=False),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("value_number", sa.Float),
        sa.Column("value_label", sa.String(32)),
    )
    op.create_index("ix_peer_terms_peer_id", "peer_terms", ["peer_id"])
    op.create_index("ix_peer_terms_name", "peer_terms", ["name"])
    op.create_table(
        "peer_kinds",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("peer_id", sa.Integer, sa.ForeignKey("peers.id", ondelete="CASCADE"), nullable=False),
        sa.Column("kind", sa.String(64), nullable=False),
    )
    op.create_index("ix_peer_kinds_peer_id", "peer_kinds", ["peer_id"])
    op.create_table(
        "peer_flags",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("peer_id", sa.Integer, sa.ForeignKey("peers.id", ondelete="CASCADE"), nullable=False),
        sa.Column("flag_id", sa.String(80), nullable=False),
        sa.Column("severity", sa.String(8), nullable=False),
    )
    op.create_index("ix_peer_flags_peer_id", "peer_flags", ["peer_id"])
    op.create_table(
        "batches",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("total", sa.Integer, nullable=False),
        sa.Column("done", sa.Integer, nullable=False, server_default="0"),
        sa.Column("store", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("results_json", sa.Text, nullable=False, server_default="[]"),
        sa.Column("error", sa.String(200)),
    )


def downgrade() -> None:
    for table in ("batches", "peer_flags", "peer_kinds", "peer_terms", "peers"):
        op.drop_table(table)
